import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseLogService, type Actor } from '../audit/case-log.service.js';
import { CaseTextKeys } from '../audit/case-text-keys.service.js';
import { CaseNotesService } from '../cases/case-notes.service.js';
import { CaseWorkService } from '../cases/case-work.service.js';
import { OverridesService } from '../cases/overrides.service.js';
import { DomainError } from '../common/domain-error.js';
import { ERASED, type ErasedRows } from '../common/erased.js';
import { ComplainantRecordsService, type PersonTraces } from '../complaints/complainant-records.service.js';
import { postcodeOf } from '../complaints/complainant-keys.js';
import { EvidenceService } from '../evidence/evidence.service.js';
import { LettersService } from '../letters/letters.service.js';
import { TriageErasureService } from '../triage/triage-erasure.service.js';
import { LegalHoldsService } from './legal-holds.service.js';
import type { ErasureTrigger } from './personal-data-erasure.entity.js';
import { ERASURE_EFFECT } from './personal-data-map.js';

export type ErasureScope = 'case' | 'complainant';

export interface PlannedCase {
  reference: string;
  receivedAt: string;
  status: string;
  category: string | null;
  erasedAt: string | null;
  held: boolean;
}

export interface ErasurePlan {
  scope: ErasureScope;
  /** The complainant's name as held now (null once erased), so an admin can see whose data this is before erasing. */
  complainantName: string | null;
  cases: PlannedCase[];
  /** What an erasure removes, and what stays in its place. */
  effect: Array<{ removed: string; kept: string }>;
}

export interface ErasedCase {
  reference: string;
  erasureId: string;
  erasedAt: string;
  removed: ErasedRows;
}

export interface ErasureRecord {
  reference: string;
  trigger: ErasureTrigger;
  reason: string;
  erasedBy: string | null;
  erasedAt: string;
  removed: ErasedRows;
}

export interface ErasureRequest {
  scope: ErasureScope;
  trigger: ErasureTrigger;
  reason: string;
  actor: Actor;
  /** Null for the retention job. */
  staffId: string | null;
}

/**
 * Erases the personal data of a case, or of every case of its complainant, by asking each module that owns personal
 * data to erase its own rows (src/erasure/personal-data-map.ts lists them all), in one transaction with the cases
 * locked. What the statistics and the lifecycle need (categories, statuses, dates, deadlines, outcomes, verdicts)
 * stays; the case log is never touched, and the key its hashes of the case's text were made with is destroyed.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly textKeys: CaseTextKeys,
    private readonly complainants: ComplainantRecordsService,
    private readonly notes: CaseNotesService,
    private readonly work: CaseWorkService,
    private readonly overrides: OverridesService,
    private readonly letters: LettersService,
    private readonly evidence: EvidenceService,
    private readonly triage: TriageErasureService,
    private readonly holds: LegalHoldsService,
  ) {}

  /** What an erasure of this scope would reach, for the confirmation page and `GET /api/cases/{reference}/erasure`. */
  async plan(reference: string, scope: ErasureScope): Promise<ErasurePlan> {
    const id = await this.complaintId(this.dataSource.manager, reference);
    const ids = scope === 'complainant' ? await this.complainants.sameComplainant(this.dataSource, id) : [id];
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.reference, c.received_at, c.status, c.category, c.personal_data_erased_at, h.complaint_id IS NOT NULL AS held
         FROM complaints c LEFT JOIN legal_holds h ON h.complaint_id = c.id WHERE c.id = ANY($1::uuid[]) ORDER BY c.received_at`,
      [ids],
    )) as Array<{ id: string; reference: string; received_at: Date; status: string; category: string | null; personal_data_erased_at: Date | null; held: boolean }>;
    const traces = await this.complainants.traces(this.dataSource, id);
    return {
      scope,
      complainantName: rows.find((r) => r.id === id)?.personal_data_erased_at ? null : (traces?.name ?? null),
      cases: rows.map((r) => ({ reference: r.reference, receivedAt: r.received_at.toISOString(), status: r.status, category: r.category, erasedAt: r.personal_data_erased_at?.toISOString() ?? null, held: r.held })),
      effect: ERASURE_EFFECT.map((line) => ({ ...line })),
    };
  }

  /**
   * Refuses (400) a reason that names the complainant of any case in scope, as the erasure itself would: the page asks
   * before its "are you sure" step, so the admin is not told only after confirming.
   */
  async checkReason(reference: string, scope: ErasureScope, reason: string): Promise<void> {
    const id = await this.complaintId(this.dataSource.manager, reference);
    const ids = scope === 'complainant' ? await this.complainants.sameComplainant(this.dataSource, id) : [id];
    for (const complaintId of ids) {
      const person = await this.complainants.traces(this.dataSource, complaintId);
      if (person && person.name !== ERASED) refuseReasonNaming(reason, person);
    }
  }

  /** Erases the case (or all its complainant's cases): all or nothing. A case under a legal hold stops it (409). */
  async erase(reference: string, request: ErasureRequest): Promise<ErasedCase[]> {
    return this.dataSource.transaction(async (manager) => {
      const id = await this.complaintId(manager, reference);
      const ids = request.scope === 'complainant' ? await this.complainants.sameComplainant(manager, id) : [id];
      // locked in one order, so two erasures reaching the same cases queue rather than deadlock
      const locked = (await manager.query(`SELECT id, reference FROM complaints WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids])) as Array<{ id: string; reference: string }>;
      const held = await this.holds.held(manager, ids);
      if (held.length) {
        const names = locked.filter((c) => held.includes(c.id)).map((c) => c.reference).join(', ');
        throw new DomainError('CASE.LEGAL_HOLD', `Under a legal hold, so nothing was erased: ${names}. Release the hold first`, 409);
      }
      const erased: ErasedCase[] = [];
      for (const complaintId of ids) {
        erased.push(await this.eraseOne(manager, complaintId, locked.find((c) => c.id === complaintId)!.reference, request));
      }
      return erased;
    });
  }

  private async eraseOne(manager: EntityManager, complaintId: string, reference: string, request: ErasureRequest): Promise<ErasedCase> {
    const person = await this.complainants.traces(manager, complaintId);
    if (person && person.name !== ERASED && request.trigger === 'request') refuseReasonNaming(request.reason, person);
    const details = person ? [person.name, person.email, person.phone, person.postalAddress].filter((v): v is string => !!v?.trim()) : [];
    // the triage first: it looks for the complaint's words, which the complaints module then erases
    const removed: ErasedRows = {
      ...(await this.triage.erase(manager, complaintId, details)),
      case_notes: await this.notes.eraseText(manager, complaintId),
      case_actions: await this.work.eraseNotes(manager, complaintId),
      classification_overrides: await this.overrides.eraseReasons(manager, complaintId),
      letters: await this.letters.erasePersonalData(manager, complaintId),
      evidence_files: await this.evidence.eraseFiles(manager, complaintId),
      ...(await this.complainants.erase(manager, complaintId)),
      case_text_keys: await this.textKeys.destroy(manager, complaintId),
    };
    const erasureId = randomUUID();
    const [{ erased_at: erasedAt }] = (await manager.query(
      `INSERT INTO personal_data_erasures (id, complaint_id, trigger, reason, erased_by, erased_at, removed) VALUES ($1, $2, $3, $4, $5, now(), $6) RETURNING erased_at`,
      [erasureId, complaintId, request.trigger, request.reason, request.staffId, JSON.stringify(removed)],
    )) as Array<{ erased_at: Date }>;
    await this.caseLog.append(manager, {
      reference,
      actor: request.actor,
      type: 'case.personal_data_erased',
      // keyed with the case's new key: the old one, and with it every hash of the erased text, is gone
      details: { complaintId, erasureId, trigger: request.trigger, removed, reasonHmac: await this.textKeys.hash(manager, complaintId, request.reason) },
    });
    return { reference, erasureId, erasedAt: erasedAt.toISOString(), removed };
  }

  /** The latest erasures, newest first (for the admin pages and `GET /api/erasures`), of the cases named if any are. */
  async recent(limit = 20, references?: readonly string[]): Promise<ErasureRecord[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.reference, e.trigger, e.reason, u.email, e.erased_at, e.removed
         FROM personal_data_erasures e JOIN complaints c ON c.id = e.complaint_id LEFT JOIN users u ON u.id = e.erased_by
        WHERE $2::text[] IS NULL OR c.reference = ANY($2::text[])
        ORDER BY e.erased_at DESC, c.reference LIMIT $1`,
      [limit, references ?? null],
    )) as Array<{ reference: string; trigger: ErasureTrigger; reason: string; email: string | null; erased_at: Date; removed: ErasedRows }>;
    return rows.map((r) => ({ reference: r.reference, trigger: r.trigger, reason: r.reason, erasedBy: r.email, erasedAt: r.erased_at.toISOString(), removed: r.removed }));
  }

  private async complaintId(manager: EntityManager, reference: string): Promise<string> {
    const [row] = (await manager.query(`SELECT id FROM complaints WHERE reference = $1`, [reference])) as Array<{ id: string }>;
    if (!row) throw new DomainError('CASE.NOT_FOUND', `No case has the reference ${reference}`, 404);
    return row.id;
  }
}

/** The erasure record keeps its reason: it must say why, never who. */
function refuseReasonNaming(reason: string, person: PersonTraces): void {
  const said = reason.toLowerCase();
  const digits = (v: string) => v.replace(/\D/g, '');
  const names = person.name.toLowerCase().split(/\s+/).filter((part) => part.length >= 3 && !/^(mr|mrs|ms|miss|dr|the|and)$/.test(part));
  const named =
    names.some((part) => new RegExp(`\\b${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(said)) ||
    (!!person.email && said.includes(person.email.toLowerCase())) ||
    (!!person.phone && digits(person.phone).length >= 6 && digits(reason).includes(digits(person.phone))) ||
    (!!postcodeOf(person.postalAddress) && postcodeOf(reason) === postcodeOf(person.postalAddress));
  if (named) throw new DomainError('ERASURE.REASON_NAMES_PERSON', 'reason must not contain the complainant’s name or contact details: say why, not who', 400);
}
