import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { actorOf, type StaffUser } from '../auth/staff-user.js';
import { CaseHistoryService, type HistoryEntry } from '../cases/case-history.service.js';
import { CasesService } from '../cases/cases.service.js';
import type { CaseDetailDto } from '../cases/dto/case.dto.js';
import { DomainError } from '../common/domain-error.js';
import { ComplainantRecordsService } from '../complaints/complainant-records.service.js';
import { EvidenceService } from '../evidence/evidence.service.js';
import { LettersService, type LetterView } from '../letters/letters.service.js';

export type SubjectAccessFormat = 'json' | 'page' | 'bundle';

export interface SubjectAccessComplaint extends CaseDetailDto {
  letters: LetterView[];
  events: HistoryEntry[];
}

export interface SubjectAccessDocument {
  generatedAt: string;
  generatedBy: string;
  /** The case the request was made from. */
  reference: string;
  /** How the complaints below were found to be the same person's. */
  matchedBy: string;
  complaints: SubjectAccessComplaint[];
}

export interface EvidenceFileOut {
  reference: string;
  filename: string;
  content: Buffer;
}

/**
 * Everything held about the complainant of a case, for a subject access request: every complaint of theirs as
 * officers see it (their details, the complaint, triage, deadlines, outcomes with notes, notes and the contact log,
 * changes of category, evidence list), its letters and its case events. Each owner's own read is used, so the
 * document holds exactly what the system shows. Every time it is given out, the case log records it.
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly complainants: ComplainantRecordsService,
    private readonly cases: CasesService,
    private readonly letters: LettersService,
    private readonly history: CaseHistoryService,
    private readonly evidence: EvidenceService,
  ) {}

  async document(reference: string, staff: StaffUser, format: SubjectAccessFormat): Promise<SubjectAccessDocument> {
    const [row] = (await this.dataSource.query(`SELECT id FROM complaints WHERE reference = $1`, [reference])) as Array<{ id: string }>;
    if (!row) throw new DomainError('CASE.NOT_FOUND', `No case has the reference ${reference}`, 404);
    const ids = await this.complainants.sameComplainant(this.dataSource, row.id);
    const references = (await this.dataSource.query(`SELECT id, reference FROM complaints WHERE id = ANY($1::uuid[])`, [ids])) as Array<{ id: string; reference: string }>;
    const ordered = ids.map((id) => references.find((r) => r.id === id)!);
    const complaints: SubjectAccessComplaint[] = [];
    for (const { reference: ref } of ordered) {
      const [found, letters, events] = [await this.cases.get(ref, staff), await this.letters.list(ref), await this.history.forCase(ref)];
      complaints.push({ ...found, letters, events });
    }
    await this.dataSource.transaction(async (manager) => {
      for (const { id, reference: ref } of ordered) {
        await this.caseLog.append(manager, { reference: ref, actor: actorOf(staff), type: 'case.subject_access_given', details: { complaintId: id, requestedFrom: reference, format, complaints: ordered.length } });
      }
    });
    return {
      generatedAt: new Date().toISOString(),
      generatedBy: staff.email,
      reference,
      matchedBy: 'the same email address (ignoring case, +tags and Gmail dots), or the same name and postal address (house number and postcode)',
      complaints,
    };
  }

  /** The bytes of every clean evidence file in the document (files not yet scanned, or infected, are listed but not given). */
  async evidenceFiles(document: SubjectAccessDocument): Promise<EvidenceFileOut[]> {
    const files: EvidenceFileOut[] = [];
    for (const complaint of document.complaints) {
      for (const item of complaint.evidence.filter((e) => e.scan === 'clean')) {
        const file = await this.evidence.download(complaint.reference, item.id);
        files.push({ reference: complaint.reference, filename: file.filename, content: file.content });
      }
    }
    return files;
  }
}
