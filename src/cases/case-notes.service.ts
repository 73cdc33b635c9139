import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { CaseTextKeys } from '../audit/case-text-keys.service.js';
import { actorOf, type StaffUser } from '../auth/staff-user.js';
import { lockCase } from './case-lock.js';
import type { CreateNoteDto, NoteDto } from './dto/case-note.dto.js';
import { affected, ERASED, type Queryable } from '../common/erased.js';

/** Officers' notes and the contact log of a case. The text stays in case_notes; the case log holds its hash. */
@Injectable()
export class CaseNotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly textKeys: CaseTextKeys,
  ) {}

  async add(reference: string, note: CreateNoteDto, staff: StaffUser): Promise<NoteDto> {
    const id = randomUUID();
    const createdAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, reference);
      await manager.query(
        `INSERT INTO case_notes (id, complaint_id, text, contact_channel, contact_direction, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, found.id, note.text, note.contactChannel ?? null, note.contactChannel ? note.contactDirection : null, staff.id, createdAt],
      );
      await this.caseLog.append(manager, {
        reference,
        actor: actorOf(staff),
        type: note.contactChannel ? 'case.contact_logged' : 'case.note_added',
        details: { complaintId: found.id, noteId: id, contactChannel: note.contactChannel ?? null, contactDirection: note.contactDirection ?? null, textHmac: await this.textKeys.hash(manager, found.id, note.text) },
      });
    });
    return { id, text: note.text, contactChannel: note.contactChannel ?? null, contactDirection: note.contactChannel ? (note.contactDirection ?? null) : null, createdAt: createdAt.toISOString(), createdBy: staff.email };
  }

  /** Every text officers wrote for each other on the case, for the letters' guard: notes, outcome notes, reasons. */
  async internalTexts(reference: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT n.text FROM case_notes n JOIN complaints c ON c.id = n.complaint_id WHERE c.reference = $1
       UNION ALL SELECT a.notes FROM case_actions a JOIN complaints c ON c.id = a.complaint_id WHERE c.reference = $1
       UNION ALL SELECT o.reason FROM classification_overrides o JOIN complaints c ON c.id = o.complaint_id WHERE c.reference = $1`,
      [reference],
    )) as Array<{ text: string }>;
    return rows.map((r) => r.text);
  }

  /** `db`: the caller's transaction, when the notes must come from the same snapshot as the rest of the case. */
  async forComplaint(complaintId: string, db: Pick<EntityManager, 'query'> = this.dataSource): Promise<NoteDto[]> {
    const rows = (await db.query(
      `SELECT n.id, n.text, n.contact_channel, n.contact_direction, n.created_at, u.email
         FROM case_notes n JOIN users u ON u.id = n.created_by WHERE n.complaint_id = $1 ORDER BY n.created_at`,
      [complaintId],
    )) as Array<{ id: string; text: string; contact_channel: string | null; contact_direction: string | null; created_at: Date; email: string }>;
    return rows.map((r) => ({ id: r.id, text: r.text, contactChannel: r.contact_channel, contactDirection: r.contact_direction, createdAt: r.created_at.toISOString(), createdBy: r.email }));
  }

  /** Erasure: every note's text becomes the marker; when, who and how the contact happened stay. */
  async eraseText(db: Queryable, complaintId: string): Promise<number> {
    return affected(await db.query(`UPDATE case_notes SET text = $2 WHERE complaint_id = $1 AND text <> $2`, [complaintId, ERASED]));
  }
}
