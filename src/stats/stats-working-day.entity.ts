import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The working-day calendar as a table, so SQL can count working days: `ordinal` counts the working days from
 * 1 January 2000 up to and including `day` (a weekend day or bank holiday repeats the number of the day before),
 * and the working days after `a` up to and including `b` are ordinal(b) - ordinal(a).
 */
@Entity('stats_working_days')
export class StatsWorkingDay {
  @PrimaryColumn('date')
  day: string;

  @Column('integer')
  ordinal: number;
}
