import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  sequence: number;
  occurredAt: string;
  reference: string | null;
  actor: string;
  type: string;
  details: Record<string, unknown>;
}

/** SHA-256 over the previous hash and the canonical serialisation of the event. */
export function eventHash(prevHash: string, event: ChainedFields): string {
  const { sequence, occurredAt, reference, actor, type, details } = event;
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ sequence, occurredAt, reference, actor, type, details }))
    .digest('hex');
}
