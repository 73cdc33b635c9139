import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row: how far the statistics have read the case log. */
@Entity('stats_state')
export class StatsState {
  @PrimaryColumn('smallint')
  id: number;

  /** Every case-log event up to this sequence has had its day of receipt marked for rebuilding. */
  @Column('bigint')
  lastSequence: string;

  @Column('timestamptz')
  updatedAt: Date;
}
