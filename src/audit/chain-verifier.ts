import type { StoredEvent } from './case-event-row.js';
import { eventHash, GENESIS_HASH } from './event-hash.js';

/** Why the chain does not hold at the first broken sequence. */
export type ChainBreak = 'gap' | 'prev_hash' | 'hash' | 'anchor';

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
}

/**
 * Checks events fed in sequence order, one at a time, so a table of any size is checked in constant memory.
 * An event is broken when its sequence is not the next one (a gap: the missing sequence is reported), when its
 * prev_hash is not the previous event's hash, or when its hash is not the hash of its own fields. After the first
 * break it only counts. An anchor (a head seen earlier) also catches events cut from the end of the log.
 */
export class ChainVerifier {
  private expectedSequence = 1;
  private previousHash = GENESIS_HASH;
  private events = 0;
  private head: ChainHead | null = null;
  private broken: { sequence: number; reason: ChainBreak } | null = null;

  constructor(private readonly anchor?: ChainHead) {}

  check(event: StoredEvent): void {
    this.events++;
    this.head = { sequence: event.sequence, hash: event.hash };
    if (this.broken) return;
    const reason = this.breakOf(event);
    if (reason) {
      this.broken = { sequence: reason === 'gap' ? Math.min(this.expectedSequence, event.sequence) : event.sequence, reason };
      return;
    }
    this.expectedSequence = event.sequence + 1;
    this.previousHash = event.hash;
  }

  result(): VerifyResult {
    if (!this.broken && this.anchor && this.anchor.sequence >= this.expectedSequence) {
      this.broken = { sequence: this.expectedSequence, reason: 'anchor' };
    }
    return {
      ok: this.broken === null,
      events: this.events,
      firstBrokenSequence: this.broken?.sequence ?? null,
      reason: this.broken?.reason ?? null,
      head: this.head,
    };
  }

  private breakOf(event: StoredEvent): ChainBreak | null {
    if (event.sequence !== this.expectedSequence) return 'gap';
    if (event.prevHash !== this.previousHash) return 'prev_hash';
    if (eventHash(event.prevHash, event) !== event.hash) return 'hash';
    if (this.anchor?.sequence === event.sequence && this.anchor.hash !== event.hash) return 'anchor';
    return null;
  }
}
