import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { CaseTextKeys } from '../audit/case-text-keys.service.js';
import { actorOf, type StaffUser } from '../auth/staff-user.js';
import { lockCase } from '../cases/case-lock.js';
import { DomainError } from '../common/domain-error.js';
import { OUTBOX_CHANNEL, OUTBOX_TOPICS } from '../outbox/outbox.topics.js';
import { internalTextIn } from './internal-text.js';
import { readLetterFacts } from './letter-facts.js';
import { letterLanguage, LETTERS, renderLetter } from './letter-templates.js';
import type { Delivery, LetterKind, LetterStatus } from './letter.entity.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { affected, ERASED, type Queryable } from '../common/erased.js';

export interface LetterView {
  id: string;
  /** The template it was made from (also as `kind`). */
  template: LetterKind;
  kind: LetterKind;
  title: string;
  language: string;
  status: LetterStatus;
  recipient: string;
  recipientName: string;
  postalAddress: string | null;
  subject: string;
  message: string | null;
  body: string;
  createdAt: string;
  createdBy: string | null;
  approvedAt: string | null;
  delivery: Delivery | null;
  sentAt: string | null;
  sendError: string | null;
}

const SELECT = `SELECT l.id, l.kind, l.language, l.status, l.recipient, l.recipient_name, l.postal_address, l.subject, l.message, l.body,
                       l.created_at, u.email AS created_by, l.approved_at, l.delivery, l.sent_at, l.send_error
                  FROM letters l JOIN complaints c ON c.id = l.complaint_id LEFT JOIN users u ON u.id = l.created_by`;

type LetterRow = {
  id: string; kind: LetterKind; language: string; status: LetterStatus; recipient: string; recipient_name: string; postal_address: string | null;
  subject: string; message: string | null; body: string; created_at: Date; created_by: string | null; approved_at: Date | null;
  delivery: Delivery | null; sent_at: Date | null; send_error: string | null;
};

const view = (r: LetterRow): LetterView => ({
  id: r.id, template: r.kind, kind: r.kind, title: LETTERS[r.kind].title, language: r.language, status: r.status,
  recipient: r.recipient, recipientName: r.recipient_name, postalAddress: r.postal_address, subject: r.subject, message: r.message, body: r.body,
  createdAt: r.created_at.toISOString(), createdBy: r.created_by, approvedAt: r.approved_at?.toISOString() ?? null,
  delivery: r.delivery, sentAt: r.sent_at?.toISOString() ?? null, sendError: r.send_error,
});

/** The letter an officer would send, with the internal texts of the case it must not contain. */
export interface LetterGuard {
  internalTexts: readonly string[];
}

/**
 * Officers' letters: a draft made from a template and what the officer wrote for the complainant, previewed and
 * edited, then approved to be emailed (by a worker, through the outbox) or recorded as posted.
 */
@Injectable()
export class LettersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly textKeys: CaseTextKeys,
    private readonly deadlines: DeadlinesService,
  ) {}

  async draft(reference: string, kind: LetterKind, message: string | undefined, staff: StaffUser, guard: LetterGuard): Promise<LetterView> {
    const template = LETTERS[kind];
    const text = message?.trim() ?? '';
    if (template.message === 'required' && !text) throw new DomainError('LETTER.MESSAGE_REQUIRED', 'message is required for this letter: write what to tell the complainant', 400);
    this.refuseInternalText(text, guard);
    const letterId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, reference);
      if (!template.when.includes(found.status)) {
        throw new DomainError('LETTER.NOT_NOW', `The letter “${template.title}” does not fit a case that is ${found.status.replace(/_/g, ' ')}`, 409);
      }
      const facts = await readLetterFacts(manager, { complaintId: found.id });
      if (!facts) throw new DomainError('CASE.PERSONAL_DATA_ERASED', 'The complainant’s personal data has been erased, so no letter can be addressed to them', 409);
      const language = letterLanguage(kind, facts.language);
      const body = renderLetter(kind, { ...facts.context, message: text }, language);
      if (kind === 'acknowledgement') {
        const [made] = (await manager.query(`SELECT 1 FROM letters WHERE complaint_id = $1 AND kind = 'acknowledgement' AND status <> 'failed'`, [found.id])) as unknown[];
        if (made) throw new DomainError('LETTER.ALREADY_ACKNOWLEDGED', 'This case already has its acknowledgement letter: open it from the case page', 409);
      }
      await manager.query(
        `INSERT INTO letters (id, complaint_id, kind, language, status, recipient, recipient_name, postal_address, subject, message, body, created_by, created_at)
         VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $10, $11, now())`,
        [letterId, found.id, kind, language, facts.email, facts.name, facts.postalAddress, facts.subjectLine(kind), text || null, body, staff.id],
      );
      await this.caseLog.append(manager, { reference, actor: actorOf(staff), type: 'letter.created', details: { complaintId: found.id, letterId, kind, language, bodyHmac: await this.textKeys.hash(manager, found.id, body) } });
    });
    return this.get(reference, letterId);
  }

  /** Changes a draft's subject or wording; refused once it is approved, and when it would carry an internal note. */
  async edit(reference: string, letterId: string, changes: { subject?: string; body?: string }, staff: StaffUser, guard: LetterGuard): Promise<LetterView> {
    await this.dataSource.transaction(async (manager) => {
      const letter = await this.lockLetter(manager, reference, letterId);
      if (letter.status !== 'draft') throw new DomainError('LETTER.NOT_DRAFT', 'This letter has already been approved to send, so it can no longer be changed', 409);
      const subject = changes.subject?.trim() || letter.subject;
      const body = changes.body === undefined ? letter.body : `${changes.body.replace(/\r\n/g, '\n').trim()}\n`;
      this.refuseInternalText(`${subject}\n${body}`, guard);
      await manager.query(`UPDATE letters SET subject = $2, body = $3 WHERE id = $1`, [letterId, subject, body]);
      await this.caseLog.append(manager, { reference, actor: actorOf(staff), type: 'letter.edited', details: { complaintId: letter.complaint_id, letterId, bodyHmac: await this.textKeys.hash(manager, letter.complaint_id, body) } });
    });
    return this.get(reference, letterId);
  }

  /**
   * Approves a draft. By email: the worker sends it (an outbox row written in this transaction, so it is sent even if
   * this process dies now). By post: the officer prints the PDF; it counts as sent now.
   */
  async approve(reference: string, letterId: string, delivery: Delivery, staff: StaffUser, guard: LetterGuard): Promise<LetterView> {
    await this.dataSource.transaction(async (manager) => {
      const letter = await this.lockLetter(manager, reference, letterId);
      if (letter.status !== 'draft' && letter.status !== 'failed') throw new DomainError('LETTER.NOT_DRAFT', 'This letter has already been approved to send', 409);
      // sent to where the complainant is now: details corrected since the draft was made count
      const [person] = (await manager.query(
        `SELECT p.name, p.email, p.postal_address FROM complainants p JOIN complaints c ON c.complainant_id = p.id WHERE c.id = $1`,
        [letter.complaint_id],
      )) as Array<{ name: string; email: string | null; postal_address: string | null }>;
      if (delivery === 'email' && !person.email) throw new DomainError('LETTER.NO_EMAIL', 'The complainant gave no email address: send this letter by post', 409);
      if (delivery === 'post' && !person.postal_address) throw new DomainError('LETTER.NO_ADDRESS', 'The complainant gave no postal address: add one to their details first, or send by email', 409);
      this.refuseInternalText(`${letter.subject}\n${letter.body}`, guard);
      const status: LetterStatus = delivery === 'email' ? 'sending' : 'sent';
      await manager.query(
        `UPDATE letters SET status = $2, delivery = $3, approved_by = $4, approved_at = now(), sent_at = $8, send_error = NULL,
                            recipient = $5, recipient_name = $6, postal_address = $7 WHERE id = $1`,
        [letterId, status, delivery, staff.id, person.email ?? '', person.name, person.postal_address, status === 'sent' ? new Date() : null],
      );
      const details = { complaintId: letter.complaint_id, letterId, kind: letter.kind, delivery, bodyHmac: await this.textKeys.hash(manager, letter.complaint_id, letter.body) };
      if (delivery === 'email') {
        await manager.query(`WITH work AS (INSERT INTO outbox (topic, payload) VALUES ($1, $2)) SELECT pg_notify($3, $1)`, [OUTBOX_TOPICS.letterApproved, { letterId }, OUTBOX_CHANNEL]);
        await this.caseLog.append(manager, { reference, actor: actorOf(staff), type: 'letter.approved', details });
      } else {
        const deadlinesMet = letter.kind === 'acknowledgement' ? await this.deadlines.meet(manager, letter.complaint_id, ['acknowledgement'], 'letter: acknowledgement') : [];
        await this.caseLog.append(manager, { reference, actor: actorOf(staff), type: 'letter.sent', details: { ...details, deadlinesMet } });
      }
    });
    return this.get(reference, letterId);
  }

  async list(reference: string): Promise<LetterView[]> {
    return ((await this.dataSource.query(`${SELECT} WHERE c.reference = $1 ORDER BY l.created_at`, [reference])) as LetterRow[]).map(view);
  }

  async get(reference: string, letterId: string): Promise<LetterView> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE c.reference = $1 AND l.id = $2`, [reference, letterId])) as LetterRow[];
    if (!row) throw new DomainError('LETTER.NOT_FOUND', 'This case has no letter with that id', 404);
    return view(row);
  }

  private refuseInternalText(text: string, guard: LetterGuard): void {
    if (internalTextIn(text, guard.internalTexts)) {
      throw new DomainError('LETTER.INTERNAL_TEXT', 'The letter contains words from an internal note on this case. Letters must only say what the complainant should read: reword it', 400);
    }
  }

  private async lockLetter(manager: EntityManager, reference: string, letterId: string) {
    const [letter] = (await manager.query(
      `SELECT l.id, l.complaint_id, l.kind, l.status, l.subject, l.body
         FROM letters l JOIN complaints c ON c.id = l.complaint_id WHERE c.reference = $1 AND l.id = $2 FOR UPDATE OF l`,
      [reference, letterId],
    )) as Array<{ id: string; complaint_id: string; kind: LetterKind; status: LetterStatus; subject: string; body: string }>;
    if (!letter) throw new DomainError('LETTER.NOT_FOUND', 'This case has no letter with that id', 404);
    return letter;
  }

  /**
   * Erasure: every letter's addressee, address, wording and any mail server's error (which may quote the address)
   * go; the kind, dates and how it was sent stay. A letter not yet sent never will be: it is marked failed.
   */
  async erasePersonalData(db: Queryable, complaintId: string): Promise<number> {
    return affected(await db.query(
      `UPDATE letters SET recipient = '', recipient_name = $2, postal_address = NULL, message = NULL, body = $2,
              send_error = CASE WHEN status IN ('draft', 'sending') THEN 'not sent: personal data erased' WHEN send_error IS NULL THEN NULL ELSE $2 END,
              status = CASE WHEN status IN ('draft', 'sending') THEN 'failed' ELSE status END
        WHERE complaint_id = $1`,
      [complaintId, ERASED],
    ));
  }
}
