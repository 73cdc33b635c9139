import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { CaseTextKeys } from '../audit/case-text-keys.service.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { isLanguage, Translations } from '../i18n/translations.js';
import { readLetterFacts } from './letter-facts.js';
import { letterLanguage, LETTERS, renderLetter } from './letter-templates.js';
import { LetterNotEmailedError, mailErrorCodes } from './mail-error.js';
import { MailerService } from './mailer.service.js';

/** What a worker does with letters: makes the acknowledgement on receipt, and emails approved letters. */
@Injectable()
export class LetterDeliveryService {
  private readonly logger = new Logger(LetterDeliveryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly textKeys: CaseTextKeys,
    private readonly deadlines: DeadlinesService,
    private readonly mailer: MailerService,
    private readonly translations: Translations,
  ) {}

  /**
   * Makes a new complaint's acknowledgement letter, once: a second run finds it made (a unique index holds one per
   * case). It is approved for email at once when SMTP is set and there is an address; otherwise it waits as a draft
   * for an officer to post. Returns the letter to email now, if any.
   */
  async makeAcknowledgement(complaintId: string): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      // the case's row lock orders this with an officer writing an acknowledgement by hand: one or the other, never both
      const [made] = (await manager.query(
        `SELECT EXISTS (SELECT 1 FROM letters l WHERE l.complaint_id = c.id AND l.kind = 'acknowledgement') AS made FROM complaints c WHERE c.id = $1 FOR UPDATE`,
        [complaintId],
      )) as Array<{ made: boolean }>;
      if (!made || made.made) return null;
      const facts = await readLetterFacts(manager, { complaintId });
      if (!facts) return null;
      const language = letterLanguage('acknowledgement', facts.language);
      const body = renderLetter('acknowledgement', { ...facts.context, message: '' }, language);
      // a complainant who asked for post gets the letter on paper: it waits, marked for post, for an officer to print
      const byEmail = this.mailer.enabled && !!facts.email && facts.contactPreference !== 'post';
      const letterId = randomUUID();
      const [inserted] = (await manager.query(
        `INSERT INTO letters (id, complaint_id, kind, language, status, recipient, recipient_name, postal_address, subject, body, created_at, approved_at, delivery)
         VALUES ($1, $2, 'acknowledgement', $3, $4, $5, $6, $7, $8, $9, now(), $10, $11)
         ON CONFLICT (complaint_id) WHERE kind = 'acknowledgement' AND created_by IS NULL DO NOTHING RETURNING id`,
        [letterId, complaintId, language, byEmail ? 'sending' : 'draft', facts.email, facts.name, facts.postalAddress, facts.subjectLine('acknowledgement'), body, byEmail ? new Date() : null, byEmail ? 'email' : facts.contactPreference === 'post' ? 'post' : null],
      )) as [{ id: string }?];
      if (!inserted) return null;
      await this.caseLog.append(manager, {
        reference: facts.reference,
        actor: 'worker',
        type: 'letter.created',
        details: { complaintId, letterId, kind: 'acknowledgement', language, automatic: true, bodyHmac: await this.textKeys.hash(manager, complaintId, body) },
      });
      return byEmail ? letterId : null;
    });
  }

  /**
   * Emails an approved letter. Idempotent: a letter already sent (or not approved) is left alone. The Message-ID is the
   * letter's own, so should a crash fall between the server's acceptance and our record, the copy sent again is the
   * same message. Throws on failure so the queue retries; the last failure marks the letter failed.
   */
  async send(letterId: string, lastAttempt: boolean): Promise<'sent' | 'skipped'> {
    const [letter] = (await this.dataSource.query(
      `SELECT l.id, l.complaint_id, l.kind, l.status, l.recipient, l.subject, l.body, l.language, c.reference,
              r.name AS representative_name, r.email AS representative_email
         FROM letters l JOIN complaints c ON c.id = l.complaint_id LEFT JOIN representatives r ON r.complaint_id = c.id WHERE l.id = $1`,
      [letterId],
    )) as Array<{
      id: string; complaint_id: string; kind: string; status: string; recipient: string; subject: string; body: string; language: string; reference: string;
      representative_name: string | null; representative_email: string | null;
    }>;
    if (!letter || letter.status !== 'sending') return 'skipped';
    if (!this.mailer.enabled) throw new Error('SMTP_URL is not set: the letter waits until it is');
    try {
      await this.mailer.send(letter.recipient, letter.subject, letter.body, [], `<${letter.id}@letters.pcc-triage>`);
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      await this.dataSource.query(`UPDATE letters SET send_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END WHERE id = $1`, [letterId, message, lastAttempt]);
      if (lastAttempt) {
        await this.dataSource.transaction((manager) =>
          this.caseLog.append(manager, { reference: letter.reference, actor: 'worker', type: 'letter.send_failed', details: { complaintId: letter.complaint_id, letterId } }),
        );
      }
      // the server's reply may quote the address: it stays on the letter, and the queue (Redis) and logs get its codes
      throw new LetterNotEmailedError(letterId, error);
    }
    const copied = await this.copyToRepresentative(letter);
    await this.dataSource.transaction(async (manager) => {
      const [[updated]] = (await manager.query(`UPDATE letters SET status = 'sent', sent_at = now(), send_error = NULL WHERE id = $1 AND status = 'sending' RETURNING sent_at`, [letterId])) as [[{ sent_at: Date }?], number];
      if (!updated) return;
      const deadlinesMet = letter.kind === 'acknowledgement' ? await this.deadlines.meet(manager, letter.complaint_id, ['acknowledgement'], 'letter: acknowledgement', updated.sent_at) : [];
      await this.caseLog.append(manager, { reference: letter.reference, actor: 'worker', type: 'letter.sent', details: { complaintId: letter.complaint_id, letterId, delivery: 'email', deadlinesMet, copiedToRepresentative: copied } });
    });
    this.logger.log({ letterId, kind: letter.kind }, 'letter emailed');
    return 'sent';
  }

  /**
   * Someone complaining for the complainant gets a copy of each emailed letter, headed as a copy, when they gave an email
   * address. Its own Message-ID makes a retry the same message; a failed copy is logged and does not hold the letter.
   */
  private async copyToRepresentative(letter: { id: string; subject: string; body: string; language: string; representative_name: string | null; representative_email: string | null }): Promise<boolean> {
    if (!letter.representative_email) return false;
    const t = this.translations.t(isLanguage(letter.language) ? letter.language : 'en', 'letters');
    try {
      await this.mailer.send(letter.representative_email, t('copyPrefix', { name: letter.representative_name }) + letter.subject, letter.body, [], `<${letter.id}.representative@letters.pcc-triage>`);
      return true;
    } catch (error) {
      this.logger.warn({ letterId: letter.id, err: mailErrorCodes(error) }, 'the representative’s copy of a letter could not be sent');
      return false;
    }
  }

  /**
   * The database is the truth when Redis forgot a job: complaints of the last month still without their acknowledgement
   * letter, and letters approved for email a while ago and not yet sent.
   */
  async unfinished(olderThanSeconds: number): Promise<{ complaintIds: string[]; letterIds: string[] }> {
    const [complaints, letters] = await Promise.all([
      this.dataSource.query(
        `SELECT d.complaint_id FROM deadlines d
          WHERE d.kind = 'acknowledgement' AND d.met_at IS NULL AND d.due_at > now() - interval '30 days'
            AND d.start_at < now() - make_interval(secs => $1)
            AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.complaint_id = d.complaint_id AND l.kind = 'acknowledgement')
          LIMIT 500`,
        [olderThanSeconds],
      ) as Promise<Array<{ complaint_id: string }>>,
      this.dataSource.query(`SELECT id FROM letters WHERE status = 'sending' AND approved_at < now() - make_interval(secs => $1) LIMIT 500`, [olderThanSeconds]) as Promise<Array<{ id: string }>>,
    ]);
    return { complaintIds: complaints.map((r) => r.complaint_id), letterIds: letters.map((r) => r.id) };
  }
}
