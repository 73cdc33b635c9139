import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * stats_daily summed by month, rebuilt with the days: a year's figures then add up twelve months' rows instead of
 * 365 days' (ten times fewer), and only the part-months at a period's ends come from the days.
 */
@Entity('stats_monthly')
export class StatsMonthly {
  /** The first day of the month. */
  @PrimaryColumn('date')
  month: string;

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
