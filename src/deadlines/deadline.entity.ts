import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Complaint } from '../complaints/complaint.entity.js';
import { sqlList } from '../complaints/complaint-categories.js';
import type { SkippedDay } from '../calendar/working-day-calendar.js';

export const DEADLINE_KINDS = ['acknowledgement', 'recording_decision', 'iopc_referral', 'informal_resolution', 'triage_review'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** How a due time was worked out, shown to officers beside the deadline. */
export interface DeadlineCalculation {
  rule: string;
  workingDays: number;
  startDate: string;
  dueDate: string;
  skipped: SkippedDay[];
}

@Entity('deadlines')
@Unique('deadlines_complaint_kind_key', ['complaintId', 'kind'])
@Check('deadlines_kind_check', `kind IN (${sqlList(DEADLINE_KINDS)})`)
@Index('deadlines_open_due_idx', ['dueAt'], { where: 'met_at IS NULL' })
export class Deadline {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('varchar', { length: 30 })
  kind: DeadlineKind;

  @Column('timestamptz')
  startAt: Date;

  @Column('timestamptz')
  dueAt: Date;

  @Column('timestamptz', { nullable: true })
  metAt: Date | null;

  /** What met or stopped it: an outcome kind, a letter, or a change of category. */
  @Column('varchar', { length: 60, nullable: true })
  metBy: string | null;

  @Column('jsonb')
  calculation: DeadlineCalculation;
}
