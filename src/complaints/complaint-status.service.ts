import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseStatus } from '../cases/case-status.js';
import { emailKey, postcodeOf } from './complainant-keys.js';
import { normaliseReference } from './reference.js';

/** A step a complainant is told about, by the key of its plain words (status namespace, `happened.*`). */
export interface HappenedStep {
  kind: string;
  at: string;
}

/** What comes next: the key of its plain words (`next.*`) and, when the panel has a deadline for it, the date. */
export interface NextStep {
  key: string;
  dueAt: string | null;
}

/** What a complainant may see: dates and plain steps; never notes, categories or the officers' names. */
export interface ComplainantView {
  reference: string;
  receivedAt: string;
  status: CaseStatus;
  happened: HappenedStep[];
  next: NextStep[];
}

/** The lifecycle steps a complainant is told about (an officer's notes are never shown). */
const TOLD_STEPS = new Set(['referred_to_iopc', 'iopc_investigating', 'iopc_referred_back', 'informal_resolution_started', 'comments_invited', 'informal_resolution_concluded', 'disapplied', 'not_recorded', 'redirected', 'withdrawn', 'closed']);

const ENDED = new Set<CaseStatus>(['outcome_recorded', 'disapplied', 'not_recorded', 'redirected', 'closed']);

interface OpenDeadline {
  kind: string;
  due_at: Date;
}

/** What happens next in each state, with the panel's own deadline where it has one. */
export function nextSteps(status: CaseStatus, open: OpenDeadline[], now = new Date()): NextStep[] {
  const due = (kind: string) => open.find((d) => d.kind === kind);
  const dated = (kind: string, key = kind): NextStep[] => {
    const d = due(kind);
    if (!d) return [];
    return [{ key: d.due_at < now ? `${key}Late` : key, dueAt: d.due_at.toISOString() }];
  };
  const acknowledgement = due('acknowledgement') && due('acknowledgement')!.due_at >= now ? [{ key: 'acknowledgement', dueAt: due('acknowledgement')!.due_at.toISOString() }] : [];
  if (status === 'received' || status === 'triaged') return [...acknowledgement, ...dated('recording_decision')];
  if (status === 'referred_to_iopc' || status === 'iopc_investigating' || status === 'referred_back') return [...acknowledgement, { key: status, dueAt: null }];
  if (status === 'informal_resolution' || status === 'comments_invited') {
    const steps = dated('informal_resolution');
    return [...acknowledgement, ...(steps.length ? steps : [{ key: 'referred_back', dueAt: null }])];
  }
  if (status === 'withdrawn') return [{ key: 'withdrawn', dueAt: null }];
  return ENDED.has(status) ? [{ key: 'ended', dueAt: null }] : [];
}

@Injectable()
export class ComplaintStatusService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The progress of one complaint, only to someone who knows its reference and the email address given with it, or
   * the postcode of its postal address (for people who complained by post). Null when either does not match.
   */
  async lookup(typedReference: string, emailOrPostcode: string): Promise<ComplainantView | null> {
    const reference = normaliseReference(typedReference);
    if (!reference) return null;
    const [row] = (await this.dataSource.query(
      `SELECT c.id, c.reference, c.received_at, c.status, p.email_key, p.postal_address
         FROM complaints c JOIN complainants p ON p.id = c.complainant_id WHERE c.reference = $1`,
      [reference],
    )) as Array<{ id: string; reference: string; received_at: Date; status: CaseStatus; email_key: string | null; postal_address: string | null }>;
    if (!row || !this.matches(row, emailOrPostcode)) return null;
    const [deadlines, actions] = await Promise.all([
      this.dataSource.query(`SELECT kind, due_at, met_at FROM deadlines WHERE complaint_id = $1 AND kind <> 'triage_review'`, [row.id]) as Promise<Array<OpenDeadline & { met_at: Date | null }>>,
      this.dataSource.query(`SELECT kind, recorded_at FROM case_actions WHERE complaint_id = $1 ORDER BY recorded_at`, [row.id]) as Promise<Array<{ kind: string; recorded_at: Date }>>,
    ]);
    const acknowledged = deadlines.find((d) => d.kind === 'acknowledgement' && d.met_at);
    const happened: HappenedStep[] = [
      { kind: 'received', at: row.received_at.toISOString() },
      ...(acknowledged ? [{ kind: 'acknowledged', at: acknowledged.met_at!.toISOString() }] : []),
      ...actions.filter((a) => TOLD_STEPS.has(a.kind)).map((a) => ({ kind: a.kind, at: a.recorded_at.toISOString() })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return {
      reference: row.reference,
      receivedAt: row.received_at.toISOString(),
      status: row.status,
      happened,
      next: nextSteps(row.status, deadlines.filter((d) => !d.met_at)),
    };
  }

  private matches(row: { email_key: string | null; postal_address: string | null }, given: string): boolean {
    const typed = given.trim();
    if (!typed) return false;
    if (typed.includes('@')) return !!row.email_key && row.email_key === emailKey(typed);
    const postcode = postcodeOf(typed);
    return !!postcode && postcode === postcodeOf(row.postal_address);
  }
}
