import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Events written by the application's transactions, waiting for the chainer to give them a sequence and a hash
 * (usually milliseconds). Writers never wait for one another; the chain is built by one appender at a time.
 */
@Entity('case_event_queue')
export class QueuedCaseEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('timestamptz')
  occurredAt: Date;

  @Column('varchar', { length: 20, nullable: true })
  reference: string | null;

  @Column('varchar', { length: 60 })
  actor: string;

  @Column('varchar', { length: 60 })
  type: string;

  @Column('jsonb')
  details: Record<string, unknown>;
}
