import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseLogService, type Actor } from '../audit/case-log.service.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { OUTBOX_CHANNEL, OUTBOX_TOPICS } from '../outbox/outbox.topics.js';
import { addressKey, emailKey, nameKey } from './complainant-keys.js';
import { Complainant } from './complainant.entity.js';
import type { Channel } from './complaint-categories.js';
import { Complaint } from './complaint.entity.js';
import type { CreateComplaintDto } from './dto/create-complaint.dto.js';
import { newReference } from './reference.js';

export interface IntakeRequest extends CreateComplaintDto {
  channel: Channel;
  receivedAt?: Date;
  idempotencyKey?: string;
  actor: Actor;
}

export interface Receipt {
  reference: string;
  status: string;
  receivedAt: string;
  /** False when an Idempotency-Key matched an earlier submission. */
  created: boolean;
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly deadlines: DeadlinesService,
  ) {}

  /**
   * Stores the complaint, its outbox row (which asks for triage) and its first case event in one transaction.
   * A repeat with the same Idempotency-Key returns the first receipt.
   */
  async submit(request: IntakeRequest): Promise<Receipt> {
    if (request.idempotencyKey) {
      const earlier = await this.findByIdempotencyKey(request.idempotencyKey);
      if (earlier) return earlier;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) => this.store(manager, request));
      } catch (error) {
        const constraint = (error as { constraint?: string; code?: string }).constraint ?? '';
        if ((error as { code?: string }).code === UNIQUE_VIOLATION && constraint.includes('idempotency') && request.idempotencyKey) {
          const earlier = await this.findByIdempotencyKey(request.idempotencyKey);
          if (earlier) return earlier;
        }
        const referenceClash = (error as { code?: string }).code === UNIQUE_VIOLATION && constraint.includes('reference');
        if (!referenceClash || attempt >= 5) throw error;
      }
    }
  }

  private async store(manager: EntityManager, request: IntakeRequest): Promise<Receipt> {
    const now = new Date();
    const receivedAt = request.receivedAt ?? now;
    const person = request.complainant;
    const complainant = manager.create(Complainant, {
      id: randomUUID(),
      name: person.name,
      email: person.email,
      phone: person.phone ?? null,
      postalAddress: person.postalAddress ?? null,
      emailKey: emailKey(person.email),
      nameKey: nameKey(person.name),
      addressKey: addressKey(person.postalAddress),
    });
    await manager.insert(Complainant, complainant);
    const complaint = manager.create(Complaint, {
      id: randomUUID(),
      reference: newReference(),
      complainantId: complainant.id,
      subjectRole: request.subject.role,
      subjectName: request.subject.name ?? null,
      summary: request.summary,
      details: request.details,
      incidentDate: request.incidentDate ?? null,
      channel: request.channel,
      receivedAt,
      status: 'received',
      idempotencyKey: request.idempotencyKey ?? null,
      updatedAt: now,
    });
    await manager.insert(Complaint, complaint);
    await this.deadlines.start(manager, complaint.id, ['acknowledgement', 'recording_decision'], receivedAt);
    await manager.query(`INSERT INTO outbox (topic, payload) VALUES ($1, $2)`, [
      OUTBOX_TOPICS.triageRequested,
      { complaintId: complaint.id },
    ]);
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, OUTBOX_TOPICS.triageRequested]);
    await this.caseLog.append(manager, {
      reference: complaint.reference,
      actor: request.actor,
      type: 'complaint.received',
      details: {
        complaintId: complaint.id,
        complainantId: complainant.id,
        channel: complaint.channel,
        subjectRole: complaint.subjectRole,
        receivedAt: receivedAt.toISOString(),
      },
    });
    return { reference: complaint.reference, status: complaint.status, receivedAt: receivedAt.toISOString(), created: true };
  }

  private async findByIdempotencyKey(key: string): Promise<Receipt | null> {
    const earlier = await this.dataSource.getRepository(Complaint).findOne({
      where: { idempotencyKey: key },
      select: { reference: true, receivedAt: true },
    });
    return earlier && { reference: earlier.reference, status: 'received', receivedAt: earlier.receivedAt.toISOString(), created: false };
  }
}
