import type { StoredEvent } from './case-event-row.js';
import { eventHash, GENESIS_HASH } from './event-hash.js';

/** Why the chain does not hold at the first broken sequence; "checkpoint": it no longer matches a signed checkpoint. */
export type ChainBreak = 'gap' | 'prev_hash' | 'hash' | 'checkpoint';

export interface ChainHead {
  sequence: number;
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  firstBrokenSequence: number | null;
  reason: ChainBreak | null;
  head: ChainHead | null;
  /**
   * With reason "checkpoint": the latest checkpoint before the break that the chain still matches (0 when none), so
   * the change lies after that event and at or before firstBrokenSequence. Null otherwise.
   */
  unchangedThrough: number | null;
}

const key = (head: ChainHead) => `${head.sequence}:${head.hash}`;

/**
 * Checks events fed in sequence order, one at a time, so a table of any size is checked in constant memory.
 * An event is broken when its sequence is not the next one (a gap: the missing sequence is reported), when its
 * prev_hash is not the previous event's hash, when its hash is not the hash of its own fields, or when a checkpoint
 * signed earlier holds another hash for that sequence: a chain rewritten and re-hashed is internally consistent, and
 * only a head kept from before tells. A checkpoint beyond the last event catches events cut from the end.
 * After the first break it only counts. `start` begins after a known head instead of at the first event.
 */
export class ChainVerifier {
  private expectedSequence: number;
  private previousHash: string;
  private events = 0;
  private head: ChainHead | null = null;
  private broken: { sequence: number; reason: ChainBreak } | null = null;
  private readonly checkpoints = new Map<number, Set<string>>();
  private readonly lastCheckpoint: number;
  private lastMatched = 0;
  private readonly matched = new Set<string>();

  constructor(checkpoints: ChainHead[] = [], start: ChainHead = { sequence: 0, hash: GENESIS_HASH }) {
    this.expectedSequence = start.sequence + 1;
    this.previousHash = start.hash;
    for (const c of checkpoints) {
      if (c.sequence === 0) continue; // the empty log: nothing can contradict it
      const hashes = this.checkpoints.get(c.sequence) ?? new Set<string>();
      this.checkpoints.set(c.sequence, hashes.add(c.hash));
    }
    this.lastCheckpoint = Math.max(0, ...this.checkpoints.keys());
  }

  check(event: StoredEvent): void {
    this.events++;
    this.head = { sequence: event.sequence, hash: event.hash };
    if (this.broken) return;
    const reason = this.breakOf(event);
    if (reason) {
      this.broken = { sequence: reason === 'gap' ? Math.min(this.expectedSequence, event.sequence) : event.sequence, reason };
      return;
    }
    if (this.checkpoints.has(event.sequence)) {
      this.lastMatched = event.sequence;
      this.matched.add(key(event));
    }
    this.expectedSequence = event.sequence + 1;
    this.previousHash = event.hash;
  }

  result(): VerifyResult {
    if (!this.broken && this.lastCheckpoint >= this.expectedSequence) {
      this.broken = { sequence: this.expectedSequence, reason: 'checkpoint' };
    }
    return {
      ok: this.broken === null,
      events: this.events,
      firstBrokenSequence: this.broken?.sequence ?? null,
      reason: this.broken?.reason ?? null,
      head: this.head,
      unchangedThrough: this.broken?.reason === 'checkpoint' ? this.lastMatched : null,
    };
  }

  /** Whether the chain reached this checkpoint unbroken and still holds its hash there (call after the last event). */
  matches(checkpoint: ChainHead): boolean {
    if (checkpoint.sequence === 0) return checkpoint.hash === GENESIS_HASH;
    return this.matched.has(key(checkpoint));
  }

  private breakOf(event: StoredEvent): ChainBreak | null {
    if (event.sequence !== this.expectedSequence) return 'gap';
    if (event.prevHash !== this.previousHash) return 'prev_hash';
    if (eventHash(event.prevHash, event) !== event.hash) return 'hash';
    const signed = this.checkpoints.get(event.sequence);
    if (signed && (signed.size > 1 || !signed.has(event.hash))) return 'checkpoint';
    return null;
  }
}
