import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseLogService, type Actor } from '../audit/case-log.service.js';
import { CaseTextKeys } from '../audit/case-text-keys.service.js';
import { lockCase } from '../cases/case-lock.js';
import { DomainError } from '../common/domain-error.js';
import { emailKey } from '../complaints/complainant-keys.js';
import { normaliseReference } from '../complaints/reference.js';
import { cleanFilename, EvidenceRefused, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, mediaTypeOf } from './evidence-rules.js';
import type { ScanState } from './evidence-file.entity.js';
import { VirusScanner } from './virus-scanner.service.js';
import { affected, type Queryable } from '../common/erased.js';

/** A file as it arrived: its name, its bytes, and whether the upload was cut at the size limit. */
export interface IncomingFile {
  filename: string;
  content: Buffer;
  truncated: boolean;
}

/** A file that passed every check, ready to store: clean, or pending when clamd could not be asked. */
export interface CheckedFile {
  filename: string;
  content: Buffer;
  mediaType: string;
  sha256: string;
  scan: Extract<ScanState, 'clean' | 'pending'>;
}

export interface EvidenceView {
  id: string;
  filename: string;
  size: number;
  sha256: string;
  mediaType: string;
  scan: ScanState;
  createdAt: string;
}

const MIB = 1024 * 1024;

@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scanner: VirusScanner,
    private readonly caseLog: CaseLogService,
    private readonly textKeys: CaseTextKeys,
  ) {}

  /**
   * Checks every file (count, size, type by content) and scans each with clamd, before anything is stored. The first
   * file refused stops the whole request (EvidenceRefused names it). A file clamd could not be asked about is kept as
   * pending: stored in quarantine, never offered for download until a worker has scanned it.
   */
  async inspect(files: IncomingFile[], alreadyHeld = 0): Promise<CheckedFile[]> {
    if (files.length + alreadyHeld > MAX_EVIDENCE_FILES) {
      throw new EvidenceRefused('too_many', files.at(-1)?.filename ?? '', `A complaint can have at most ${MAX_EVIDENCE_FILES} files`);
    }
    const checked: Array<Omit<CheckedFile, 'scan'>> = [];
    for (const file of files) {
      const filename = cleanFilename(file.filename);
      if (file.truncated || file.content.length > MAX_EVIDENCE_BYTES) {
        throw new EvidenceRefused('too_big', filename, `${filename} is larger than ${MAX_EVIDENCE_BYTES / MIB} MB: each file must be ${MAX_EVIDENCE_BYTES / MIB} MB or smaller`);
      }
      if (file.content.length === 0) throw new EvidenceRefused('empty', filename, `${filename} is empty`);
      const mediaType = await mediaTypeOf(file.content);
      if (!mediaType) {
        throw new EvidenceRefused('type', filename, `${filename} is not a type of file we accept: send a PDF, a picture, a document, a sound or video recording, or plain text`);
      }
      checked.push({ filename, content: file.content, mediaType, sha256: createHash('sha256').update(file.content).digest('hex') });
    }
    const results = await Promise.all(checked.map((file) => this.scanner.scan(file.content)));
    const infected = results.findIndex((r) => r.verdict === 'infected');
    if (infected >= 0) {
      const { filename } = checked[infected];
      throw new EvidenceRefused('infected', filename, `${filename} contains a virus, so it was not accepted and nothing was stored`);
    }
    const unavailable = results.find((r) => r.verdict === 'unavailable');
    if (unavailable && unavailable.verdict === 'unavailable') this.scanner.logUnavailable(unavailable.why);
    return checked.map((file, i) => ({ ...file, scan: results[i].verdict === 'clean' ? 'clean' : 'pending' }));
  }

  /**
   * Stores checked files on a complaint with one case event each (its SHA-256 keyed with the case's key, size, type
   * and scan; not its name, which may name people), all in the caller's transaction. The same file sent twice is stored once.
   */
  async store(manager: EntityManager, complaintId: string, reference: string, files: CheckedFile[], actor: Actor): Promise<EvidenceView[]> {
    const stored: EvidenceView[] = [];
    for (const file of files) {
      const id = randomUUID();
      const [row] = (await manager.query(
        `WITH file AS (
           INSERT INTO evidence_files (id, complaint_id, filename, media_type, size, sha256, scan, scanned_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::varchar, CASE WHEN $7::varchar = 'clean' THEN now() END)
           ON CONFLICT (complaint_id, sha256) DO NOTHING RETURNING id, created_at
         ), content AS (
           INSERT INTO evidence_contents (evidence_id, content) SELECT id, $8 FROM file
         )
         SELECT id, created_at FROM file`,
        [id, complaintId, file.filename, file.mediaType, file.content.length, file.sha256, file.scan, file.content],
      )) as Array<{ id: string; created_at: Date }>;
      if (!row) continue; // already held
      await this.caseLog.append(manager, {
        reference,
        actor,
        type: 'evidence.received',
        details: { complaintId, evidenceId: id, sha256Hmac: await this.textKeys.hash(manager, complaintId, file.sha256), size: file.content.length, mediaType: file.mediaType, scan: file.scan },
      });
      stored.push({ id, filename: file.filename, size: file.content.length, sha256: file.sha256, mediaType: file.mediaType, scan: file.scan, createdAt: row.created_at.toISOString() });
    }
    return stored;
  }

  /** A file a complainant adds to their complaint later (the API), proving it is theirs with the email address they gave. */
  async addByComplainant(typedReference: string, email: string, file: IncomingFile): Promise<EvidenceView> {
    const reference = normaliseReference(typedReference);
    const [owner] = reference
      ? ((await this.dataSource.query(
          `SELECT c.id, p.email_key, (SELECT count(*)::int FROM evidence_files e WHERE e.complaint_id = c.id) AS held
             FROM complaints c JOIN complainants p ON p.id = c.complainant_id WHERE c.reference = $1`,
          [reference],
        )) as Array<{ id: string; email_key: string | null; held: number }>)
      : [];
    // The same answer whether the reference or the email is wrong, so neither can be probed.
    if (!owner || !owner.email_key || owner.email_key !== emailKey(email)) {
      throw new DomainError('COMPLAINT.NOT_FOUND', 'No complaint has that reference and email address', 404);
    }
    const [checked] = await this.inspect([file], owner.held);
    const [view] = await this.dataSource.transaction(async (manager) => {
      const locked = await lockCase(manager, reference!);
      const [{ held }] = (await manager.query(`SELECT count(*)::int AS held FROM evidence_files WHERE complaint_id = $1`, [locked.id])) as Array<{ held: number }>;
      if (held >= MAX_EVIDENCE_FILES) throw new EvidenceRefused('too_many', checked.filename, `A complaint can have at most ${MAX_EVIDENCE_FILES} files`);
      const stored = await this.store(manager, locked.id, locked.reference, [checked], 'complainant');
      return stored.length ? stored : await this.list(locked.id, manager).then((all) => all.filter((e) => e.sha256 === checked.sha256));
    });
    return view;
  }

  async list(complaintId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<EvidenceView[]> {
    const rows = (await manager.query(
      `SELECT id, filename, size, sha256, media_type, scan, created_at FROM evidence_files WHERE complaint_id = $1 ORDER BY created_at, id`,
      [complaintId],
    )) as Array<{ id: string; filename: string; size: number; sha256: string; media_type: string; scan: ScanState; created_at: Date }>;
    return rows.map((r) => ({ id: r.id, filename: r.filename, size: r.size, sha256: r.sha256, mediaType: r.media_type, scan: r.scan, createdAt: r.created_at.toISOString() }));
  }

  /** A clean file's bytes for an officer; a file still pending (or found infected) is not given out. */
  async download(reference: string, evidenceId: string): Promise<{ filename: string; mediaType: string; content: Buffer }> {
    const [row] = (await this.dataSource.query(
      `SELECT e.filename, e.media_type, e.scan, x.content FROM evidence_files e JOIN complaints c ON c.id = e.complaint_id
         LEFT JOIN evidence_contents x ON x.evidence_id = e.id WHERE c.reference = $1 AND e.id = $2`,
      [reference, evidenceId],
    )) as Array<{ filename: string; media_type: string; scan: ScanState; content: Buffer | null }>;
    if (!row) throw new DomainError('EVIDENCE.NOT_FOUND', 'No file with that id on this case', 404);
    if (row.scan !== 'clean' || !row.content) {
      throw new DomainError('EVIDENCE.NOT_CLEAN', row.scan === 'pending' ? 'This file has not been scanned for viruses yet: it can be downloaded once it has' : 'This file was found to contain a virus and was deleted', 409);
    }
    return { filename: row.filename, mediaType: row.media_type, content: row.content };
  }

  /** Erasure: the case's files go, bytes and descriptions (a name may name people; the hash could confirm a copy). */
  async eraseFiles(db: Queryable, complaintId: string): Promise<number> {
    return affected(await db.query(`DELETE FROM evidence_files WHERE complaint_id = $1`, [complaintId]));
  }
}
