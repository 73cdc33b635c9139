import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The statistics' summary table: for each London day of receipt, how many cases fall under each measure and key
 * (e.g. `category / conduct`, `deadline / acknowledgement / met`). A day's rows are always rebuilt whole from the
 * cases received that day, never adjusted by increments, so a replayed or repeated change cannot count twice.
 */
@Entity('stats_daily')
export class StatsDaily {
  @PrimaryColumn('date')
  day: string;

  @PrimaryColumn('varchar', { length: 30 })
  measure: string;

  @PrimaryColumn('varchar', { length: 60, default: '' })
  k1: string;

  @PrimaryColumn('varchar', { length: 60, default: '' })
  k2: string;

  @PrimaryColumn('varchar', { length: 60, default: '' })
  k3: string;

  @Column('integer')
  n: number;
}
