import { Entity, PrimaryColumn } from 'typeorm';

/** A day of receipt whose summary rows are out of date: a case received that day changed since they were built. */
@Entity('stats_dirty_days')
export class StatsDirtyDay {
  @PrimaryColumn('date')
  day: string;
}
