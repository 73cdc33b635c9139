import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CASE_LOG_CHANNEL, QUEUE_INSERT, queuedEventRow, type Actor } from '../audit/case-log.service.js';
import { canonicalJson } from '../common/canonical-json.js';
import { DomainError } from '../common/domain-error.js';
import { preparedQuery } from '../database/prepared-query.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { OUTBOX_CHANNEL, OUTBOX_TOPICS } from '../outbox/outbox.topics.js';
import type { Language } from '../i18n/translations.js';
import { addressKey, emailKey, nameKey } from './complainant-keys.js';
import { contactProblems } from './contact-rules.js';
import type { Channel } from './complaint-categories.js';
import { Complaint } from './complaint.entity.js';
import { searchDocumentOf } from './search-document.js';
import type { CreateComplaintDto } from './dto/create-complaint.dto.js';
import { newReference } from './reference.js';

export interface IntakeRequest extends CreateComplaintDto {
  channel: Channel;
  /** Set by the caller: the form's language, the API request's, or the body's `language`. */
  language: Language;
  receivedAt?: Date;
  idempotencyKey?: string;
  actor: Actor;
  /** SHA-256 of each file sent with the form: the same form sent again with other files is a different submission. */
  evidenceSha256?: string[];
}

export interface Receipt {
  reference: string;
  status: string;
  receivedAt: string;
  /** False when an Idempotency-Key matched an earlier submission. */
  created: boolean;
}

const UNIQUE_VIOLATION = '23505';

/** A different complaint sent under an Idempotency-Key (or form submission id) that another complaint already used. */
export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super('COMPLAINT.IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key has already been used for a different complaint: send this one with a new key', 409);
  }
}

/**
 * What makes two submissions the same one: everything the complainant sent and the channel, in canonical JSON.
 * `receivedAt` counts for keyed-in complaints; for the others it is the time of arrival and would differ on a retry.
 */
function submissionFingerprint(request: IntakeRequest): string {
  const { complainant, subject, summary, details, incidentDate, channel, receivedAt, language, adjustments, contactPreference, representative } = request;
  const sent = {
    complainant, subject, summary, details, incidentDate, channel, receivedAt: receivedAt?.toISOString(),
    language, adjustments, contactPreference: contactPreference ?? 'email', representative,
    evidence: request.evidenceSha256?.length ? [...request.evidenceSha256].sort() : undefined,
  };
  return createHash('sha256').update(canonicalJson(sent)).digest('hex');
}

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
  ) {}

  /**
   * Stores the complaint, its outbox rows (which ask for triage and the acknowledgement letter) and its first case
   * event in one statement.
   * A repeat of the same submission under the same Idempotency-Key returns the first receipt; a different submission
   * under a key already used is refused (IdempotencyKeyReused) and nothing is stored, so no complaint is ever lost
   * behind somebody else's reference.
   */
  async submit(request: IntakeRequest): Promise<Receipt> {
    const missing = contactProblems(request);
    if (missing.length) throw new DomainError('COMPLAINT.CONTACT_MISSING', missing.map((p) => p.message).join('; '), 400);
    const fingerprint = request.idempotencyKey ? submissionFingerprint(request) : null;
    if (request.idempotencyKey) {
      const earlier = await this.findByIdempotencyKey(request.idempotencyKey, fingerprint!);
      if (earlier) return earlier;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store(request, fingerprint);
      } catch (error) {
        const constraint = (error as { constraint?: string; code?: string }).constraint ?? '';
        if ((error as { code?: string }).code === UNIQUE_VIOLATION && constraint.includes('idempotency') && request.idempotencyKey) {
          const earlier = await this.findByIdempotencyKey(request.idempotencyKey, fingerprint!);
          if (earlier) return earlier;
        }
        const referenceClash = (error as { code?: string }).code === UNIQUE_VIOLATION && constraint.includes('reference');
        if (!referenceClash || attempt >= 5) throw error;
      }
    }
  }

  /**
   * One statement, so one round trip and atomic on its own: the complainant, the complaint, its search document (from
   * the words as stored), its first deadlines, its outbox row (the relay is woken at commit) and its first case event
   * (the chainer likewise).
   */
  private async store(request: IntakeRequest, fingerprint: string | null): Promise<Receipt> {
    const now = new Date();
    const receivedAt = request.receivedAt ?? now;
    const person = request.complainant;
    const email = person.email?.trim() || null;
    const representative = request.representative;
    const complainantId = randomUUID();
    const complaintId = randomUUID();
    const reference = newReference();
    const { deadlinesJson, nextDueAt } = this.firstDeadlines(receivedAt);
    const event = queuedEventRow({
      reference,
      actor: request.actor,
      type: 'complaint.received',
      details: {
        complaintId, complainantId, channel: request.channel, subjectRole: request.subject.role, receivedAt: receivedAt.toISOString(),
        language: request.language, contactPreference: request.contactPreference ?? 'email', representative: !!representative, adjustments: !!request.adjustments?.trim(),
      },
    });
    // A named prepared statement: each connection parses and plans it once rather than on every complaint
    await preparedQuery(this.dataSource, 'complaint-intake', `WITH person AS (
         INSERT INTO complainants (id, name, email, phone, postal_address, email_key, name_key, address_key, adjustments)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $32)
       ), complaint AS (
         INSERT INTO complaints (id, reference, complainant_id, subject_role, subject_name, summary, details, incident_date,
                                 channel, received_at, status, idempotency_key, idempotency_hash, updated_at, next_due_at,
                                 language, contact_preference)
         VALUES ($9, $10, $1, $11, $12, $13, $14, $15, $16, $17, 'received', $18, $31, $19, $20, $33, $34)
         RETURNING summary, details
       ), searchable AS (
         INSERT INTO complaint_search_documents (complaint_id, document) SELECT $9, ${searchDocumentOf('complaint')} FROM complaint
       ), acting AS (
         INSERT INTO representatives (id, complaint_id, name, relationship, email, postal_address, consent)
         SELECT gen_random_uuid(), $9, r.name, r.relationship, r.email, r.postal_address, r.consent
           FROM jsonb_to_recordset($35::jsonb) AS r(name text, relationship text, email text, postal_address text, consent boolean)
       ), due AS (
         INSERT INTO deadlines (id, complaint_id, kind, start_at, due_at, calculation)
         SELECT gen_random_uuid(), $9, d.kind, $17, d.due_at, d.calculation
           FROM jsonb_to_recordset($21::jsonb) AS d(kind text, due_at timestamptz, calculation jsonb)
       ), work AS (
         INSERT INTO outbox (topic, payload) VALUES ($22, $23), ($36, $23)
       ), logged AS (
         ${QUEUE_INSERT} VALUES ($25, $26, $27, $28, $29)
       )
       SELECT pg_notify($24, $22), pg_notify($30, '')`,
      [
        complainantId, person.name, email, person.phone ?? null, person.postalAddress ?? null,
        email ? emailKey(email) : null, nameKey(person.name), addressKey(person.postalAddress),
        complaintId, reference, request.subject.role, request.subject.name ?? null, request.summary, request.details,
        request.incidentDate ?? null, request.channel, receivedAt, request.idempotencyKey ?? null, now, nextDueAt,
        deadlinesJson,
        OUTBOX_TOPICS.triageRequested, { complaintId }, OUTBOX_CHANNEL,
        ...event, CASE_LOG_CHANNEL, fingerprint,
        request.adjustments?.trim() || null, request.language, request.contactPreference ?? 'email',
        JSON.stringify(representative ? [{ name: representative.name, relationship: representative.relationship, email: representative.email?.trim() || null, postal_address: representative.postalAddress ?? null, consent: representative.consent ?? null }] : []),
        OUTBOX_TOPICS.acknowledgementRequested,
      ],
    );
    return { reference, status: 'received', receivedAt: receivedAt.toISOString(), created: true };
  }

  private planned?: { minute: number; deadlinesJson: string; nextDueAt: Date };

  /**
   * A complaint's first deadlines depend only on the London date it arrived, which cannot change within a minute
   * (time zones move by whole quarter hours at least): worked out once a minute, not for every complaint.
   */
  private firstDeadlines(receivedAt: Date): { deadlinesJson: string; nextDueAt: Date } {
    const minute = Math.floor(receivedAt.getTime() / 60_000);
    if (this.planned?.minute !== minute) {
      const deadlines = this.deadlines.plan(['acknowledgement', 'recording_decision'], receivedAt);
      this.planned = {
        minute,
        deadlinesJson: JSON.stringify(deadlines.map((d) => ({ kind: d.kind, due_at: d.dueAt, calculation: d.calculation }))),
        nextDueAt: new Date(Math.min(...deadlines.map((d) => d.dueAt.getTime()))),
      };
    }
    return this.planned;
  }

  /** The earlier receipt for this key and this same submission; a different submission under the key is refused. */
  private async findByIdempotencyKey(key: string, fingerprint: string): Promise<Receipt | null> {
    const earlier = await this.dataSource.getRepository(Complaint).findOne({
      where: { idempotencyKey: key },
      select: { reference: true, receivedAt: true, idempotencyHash: true },
    });
    if (!earlier) return null;
    if (earlier.idempotencyHash !== fingerprint) throw new IdempotencyKeyReused();
    return { reference: earlier.reference, status: 'received', receivedAt: earlier.receivedAt.toISOString(), created: false };
  }
}
