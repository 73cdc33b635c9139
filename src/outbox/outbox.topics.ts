/** What an outbox row asks the relay to do. */
export const OUTBOX_TOPICS = {
  triageRequested: 'triage.requested',
  /** Written by the intake statement: the acknowledgement letter is made (once) and emailed by a worker. */
  acknowledgementRequested: 'letters.acknowledge',
  /** Written when an officer approves a letter for email. */
  letterApproved: 'letters.send',
} as const;

export interface TriageRequested {
  complaintId: string;
}

/** Postgres channel the relay listens on, notified at commit by every transaction that writes to the outbox. */
export const OUTBOX_CHANNEL = 'outbox';
