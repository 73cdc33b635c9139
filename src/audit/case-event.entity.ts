import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The case log: append-only, one row an event, chained by SHA-256. Events name the complaint and the
 * complainant only by id and reference, never by personal data, so erasure leaves the chain valid.
 */
@Entity('case_events')
@Index('case_events_reference_sequence_idx', ['reference', 'sequence'])
@Index('case_events_occurred_at_idx', ['occurredAt'])
@Index('case_events_type_sequence_idx', ['type', 'sequence'])
export class CaseEvent {
  @PrimaryColumn('bigint')
  sequence: string;

  @Column('timestamptz')
  occurredAt: Date;

  @Column('varchar', { length: 20, nullable: true })
  reference: string | null;

  /** "complainant", "system", "worker" or "user:<uuid>". */
  @Column('varchar', { length: 60 })
  actor: string;

  @Column('varchar', { length: 60 })
  type: string;

  @Column('jsonb')
  details: Record<string, unknown>;

  @Column('char', { length: 64 })
  prevHash: string;

  @Column('char', { length: 64 })
  hash: string;
}
