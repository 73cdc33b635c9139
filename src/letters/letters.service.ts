import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { actorOf, type StaffUser } from '../auth/staff-user.js';
import { lockCase } from '../cases/case-lock.js';
import { DomainError } from '../common/domain-error.js';
import { textSha256 } from '../common/text-hash.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { LETTERS, renderLetter, whereToGo } from './letter-templates.js';
import type { LetterKind } from './letter.entity.js';
import { MailerService } from './mailer.service.js';

export interface LetterView {
  id: string;
  kind: LetterKind;
  title: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  sendError: string | null;
}

const SUBJECTS: Record<string, string> = { pcc: 'Police and Crime Commissioner', deputy_pcc: 'Deputy Police and Crime Commissioner', mayor: 'Mayor' };

interface LetterFacts {
  name: string;
  email: string | null;
  postal_address: string | null;
  subject_role: string;
  received_at: Date;
  category: string | null;
  route: string | null;
  body: string | null;
  latest_notes: string | null;
}

@Injectable()
export class LettersService {
  private readonly logger = new Logger(LettersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly deadlines: DeadlinesService,
    private readonly mailer: MailerService,
  ) {}

  /** Makes the letter from its template, stores it on the case, then emails it when SMTP is configured. */
  async create(reference: string, kind: LetterKind, staff: StaffUser): Promise<LetterView> {
    const letterId = randomUUID();
    const stored = await this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, reference);
      if (!LETTERS[kind].when.includes(found.status)) {
        throw new DomainError('LETTER.NOT_NOW', `A ${LETTERS[kind].title.toLowerCase()} letter does not fit a case that is ${found.status.replace(/_/g, ' ')}`, 409);
      }
      const [facts] = (await manager.query(
        `SELECT p.name, p.email, p.postal_address, c.subject_role, c.received_at, c.category,
                r.findings->>'route' AS route, r.findings->>'body' AS body,
                (SELECT a.notes FROM case_actions a WHERE a.complaint_id = c.id ORDER BY a.recorded_at DESC LIMIT 1) AS latest_notes
           FROM complaints c JOIN complainants p ON p.id = c.complainant_id
           LEFT JOIN LATERAL (SELECT findings FROM triage_step_results s WHERE s.complaint_id = c.id AND s.step = 'remit'
                              ORDER BY s.completed_at DESC LIMIT 1) r ON true
          WHERE c.id = $1`,
        [found.id],
      )) as LetterFacts[];
      const body = renderLetter(kind, {
        name: facts.name,
        reference,
        subject: SUBJECTS[facts.subject_role] ?? 'office holder',
        receivedDate: DateTime.fromJSDate(facts.received_at, { zone: 'Europe/London' }).toFormat('d LLLL yyyy'),
        reason: facts.latest_notes ?? '',
        whereToGo: whereToGo(facts.category, facts.route, facts.body),
        outcome: facts.latest_notes ?? '',
      });
      const subject = LETTERS[kind].subject(reference);
      await manager.query(
        `INSERT INTO letters (id, complaint_id, kind, recipient, subject, body, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
        [letterId, found.id, kind, facts.email ?? facts.postal_address ?? '', subject, body, staff.id],
      );
      const deadlinesMet = kind === 'acknowledgement' ? await this.deadlines.meet(manager, found.id, ['acknowledgement'], 'letter: acknowledgement') : [];
      await this.caseLog.append(manager, {
        reference,
        actor: actorOf(staff),
        type: 'letter.created',
        details: { complaintId: found.id, letterId, kind, bodySha256: textSha256(body), deadlinesMet },
      });
      return { to: facts.email, subject, body };
    });
    if (this.mailer.enabled && stored.to) await this.send(reference, letterId, { ...stored, to: stored.to });
    return (await this.list(reference)).find((l) => l.id === letterId)!;
  }

  async list(reference: string): Promise<LetterView[]> {
    const rows = (await this.dataSource.query(
      `SELECT l.id, l.kind, l.recipient, l.subject, l.body, l.created_at, l.sent_at, l.send_error
         FROM letters l JOIN complaints c ON c.id = l.complaint_id WHERE c.reference = $1 ORDER BY l.created_at`,
      [reference],
    )) as Array<{ id: string; kind: LetterKind; recipient: string; subject: string; body: string; created_at: Date; sent_at: Date | null; send_error: string | null }>;
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: LETTERS[r.kind].title,
      recipient: r.recipient,
      subject: r.subject,
      body: r.body,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      sendError: r.send_error,
    }));
  }

  private async send(reference: string, letterId: string, letter: { to: string; subject: string; body: string }): Promise<void> {
    try {
      await this.mailer.send(letter.to, letter.subject, letter.body);
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE letters SET sent_at = now(), send_error = NULL WHERE id = $1`, [letterId]);
        await this.caseLog.append(manager, { reference, actor: 'system', type: 'letter.sent', details: { letterId } });
      });
    } catch (error) {
      this.logger.warn({ letterId, err: (error as Error).message }, 'letter stored but not sent');
      await this.dataSource.query(`UPDATE letters SET send_error = $2 WHERE id = $1`, [letterId, (error as Error).message.slice(0, 500)]);
    }
  }
}
