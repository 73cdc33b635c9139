/** What an outbox row asks the relay to do. */
export const OUTBOX_TOPICS = { triageRequested: 'triage.requested' } as const;

export interface TriageRequested {
  complaintId: string;
}

/** Postgres channel the relay listens on, notified at commit by every transaction that writes to the outbox. */
export const OUTBOX_CHANNEL = 'outbox';
