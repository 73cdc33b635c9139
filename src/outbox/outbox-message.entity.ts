import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Work written in the same transaction as the change that causes it; the relay hands it to the queue. */
@Entity('outbox')
@Index('outbox_pending_idx', ['id'], { where: 'dispatched_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('varchar', { length: 60 })
  topic: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  dispatchedAt: Date | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;
}
