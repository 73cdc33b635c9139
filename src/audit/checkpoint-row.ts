import type { Checkpoint } from './checkpoint-signer.service.js';

/** The signed columns of case_log_checkpoints as node-postgres returns them. */
export interface SignedCheckpointRow {
  id: string;
  sequence: string;
  hash: string;
  issued_at: Date;
  key_id: string;
  signature: string;
  text: string;
}

export const SIGNED_CHECKPOINT_COLUMNS = 'id, sequence, hash, issued_at, key_id, signature, text';

/** What a stored row claims, to be checked by the signer before anything trusts it. */
export function claimOf(row: SignedCheckpointRow): Checkpoint {
  return { sequence: Number(row.sequence), hash: row.hash, issuedAt: row.issued_at.toISOString(), keyId: row.key_id, signature: row.signature, text: row.text };
}
