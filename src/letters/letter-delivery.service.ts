import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CASE_LOG_CHANNEL, CaseLogService, QUEUE_INSERT, queuedEventRow } from '../audit/case-log.service.js';
import { CaseTextKeys } from '../audit/case-text-keys.service.js';
import { storeEach, type Failure } from '../common/store-each.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { isLanguage, Translations } from '../i18n/translations.js';
import { readLetterFactsOf, type LetterFacts } from './letter-facts.js';
import { letterLanguage, LETTERS, renderLetter } from './letter-templates.js';
import { LetterNotEmailedError, mailErrorCodes } from './mail-error.js';
import { MailerService } from './mailer.service.js';

/** An automatic acknowledgement about to be written, with what its case-log event needs. */
interface Acknowledgement {
  id: string;
  complaintId: string;
  reference: string;
  language: string;
  byEmail: boolean;
  status: 'sending' | 'draft';
  recipient: string;
  recipientName: string;
  postalAddress: string | null;
  subject: string;
  body: string;
  approvedAt: Date | null;
  delivery: 'email' | 'post' | null;
}

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
   * Makes new complaints' acknowledgement letters, once each: a second run finds them made (a unique index holds one per
   * case). A letter is approved for email at once when SMTP is set and there is an address; otherwise it waits as a
   * draft for an officer to post. The batch is one transaction of a few statements; should Postgres refuse a row for
   * what is in it, each complaint is tried alone, and one that still fails is returned in `failed` (the others are made).
   * A complaint that does not exist, or whose personal data is erased, gets no letter. Returns the letters to email now.
   */
  async makeAcknowledgements(complaintIds: readonly string[]): Promise<{ emailed: string[]; failed: Failure[] }> {
    const failed: Failure[] = [];
    const emailed: string[] = [];
    const ids = [...new Set(complaintIds)].map((id) => ({ id }));
    await storeEach(ids, failed, async (batch) => emailed.push(...(await this.acknowledge(batch.map((c) => c.id)))));
    return { emailed, failed };
  }

  private async acknowledge(complaintIds: string[]): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      // the cases' row locks, taken in id order, order this with an officer writing an acknowledgement by hand: one or
      // the other, never both
      const locked = (await manager.query(
        `SELECT c.id FROM complaints c WHERE c.id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.complaint_id = c.id AND l.kind = 'acknowledgement')
          ORDER BY c.id FOR UPDATE OF c`,
        [complaintIds],
      )) as Array<{ id: string }>;
      if (!locked.length) return [];
      const facts = await readLetterFactsOf(manager, locked.map((c) => c.id));
      const letters = [...facts.values()].map((f) => this.acknowledgementOf(f));
      if (!letters.length) return [];
      const hmacs = await this.textKeys.hashEach(manager, letters.map((l) => ({ complaintId: l.complaintId, text: l.body })));
      const made = new Set(await this.insertAcknowledgements(manager, letters, hmacs));
      return letters.filter((l) => made.has(l.id) && l.byEmail).map((l) => l.id);
    });
  }

  /** The letter for one complaint, rendered here: what the single-letter path always wrote. */
  private acknowledgementOf(facts: LetterFacts): Acknowledgement {
    const language = letterLanguage('acknowledgement', facts.language);
    // a complainant who asked for post gets the letter on paper: it waits, marked for post, for an officer to print
    const byEmail = this.mailer.enabled && !!facts.email && facts.contactPreference !== 'post';
    return {
      id: randomUUID(),
      complaintId: facts.complaintId,
      reference: facts.reference,
      language,
      byEmail,
      status: byEmail ? 'sending' : 'draft',
      recipient: facts.email,
      recipientName: facts.name,
      postalAddress: facts.postalAddress,
      subject: facts.subjectLine('acknowledgement'),
      body: renderLetter('acknowledgement', { ...facts.context, message: '' }, language),
      approvedAt: byEmail ? new Date() : null,
      delivery: byEmail ? 'email' : facts.contactPreference === 'post' ? 'post' : null,
    };
  }

  /** The letters and their `letter.created` events in one statement; returns the ids of the letters it made. */
  private async insertAcknowledgements(manager: EntityManager, letters: Acknowledgement[], hmacs: string[]): Promise<string[]> {
    const events = letters.map((l, i) =>
      queuedEventRow({
        reference: l.reference,
        actor: 'worker',
        type: 'letter.created',
        details: { complaintId: l.complaintId, letterId: l.id, kind: 'acknowledgement', language: l.language, automatic: true, bodyHmac: hmacs[i] },
      }),
    );
    const column = <T>(pick: (letter: Acknowledgement, i: number) => T) => letters.map(pick);
    const [{ made }] = (await manager.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                              $10::timestamptz[], $11::varchar[], $12::timestamptz[], $13::varchar[], $14::varchar[], $15::varchar[], $16::jsonb[])
           AS i(id, complaint_id, language, status, recipient, recipient_name, postal_address, subject, body, approved_at, delivery,
                event_at, event_reference, event_actor, event_type, event_details)
       ), made AS (
         INSERT INTO letters (id, complaint_id, kind, language, status, recipient, recipient_name, postal_address, subject, body, created_at, approved_at, delivery)
         SELECT id, complaint_id, 'acknowledgement', language, status, recipient, recipient_name, postal_address, subject, body, now(), approved_at, delivery
           FROM input i
          -- checked again after the locks (this statement's snapshot is newer): an officer's letter committed meanwhile counts
          WHERE NOT EXISTS (SELECT 1 FROM letters l WHERE l.complaint_id = i.complaint_id AND l.kind = 'acknowledgement')
          ORDER BY complaint_id
         ON CONFLICT (complaint_id) WHERE kind = 'acknowledgement' AND created_by IS NULL DO NOTHING RETURNING id
       ), logged AS (
         ${QUEUE_INSERT} SELECT event_at, event_reference, event_actor, event_type, event_details FROM input JOIN made USING (id) ORDER BY complaint_id
       )
       SELECT coalesce((SELECT array_agg(id::text) FROM made), '{}') AS made, pg_notify($17, '')`,
      [
        column((l) => l.id), column((l) => l.complaintId), column((l) => l.language), column((l) => l.status), column((l) => l.recipient),
        column((l) => l.recipientName), column((l) => l.postalAddress), column((l) => l.subject), column((l) => l.body), column((l) => l.approvedAt),
        column((l) => l.delivery), column((_, i) => events[i][0]), column((_, i) => events[i][1]), column((_, i) => events[i][2]),
        column((_, i) => events[i][3]), column((_, i) => events[i][4]), CASE_LOG_CHANNEL,
      ],
    )) as Array<{ made: string[] }>;
    return made;
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
      // only while it is still being sent: an erasure during the attempt has emptied the letter and marked it failed,
      // and the server's reply (which may quote the address) must not be written back after it
      await this.dataSource.query(`UPDATE letters SET send_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END WHERE id = $1 AND status = 'sending'`, [letterId, message, lastAttempt]);
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
