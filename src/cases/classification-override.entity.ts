import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from '../complaints/complaint.entity.js';
import { CATEGORIES, sqlList, type Category } from '../complaints/complaint-categories.js';
import { User } from '../users/user.entity.js';

export const OVERRIDE_STATES = ['pending', 'applied', 'rejected', 'superseded'] as const;
export type OverrideState = (typeof OVERRIDE_STATES)[number];

/** An officer's change of category, kept beside the triage's. Downgrading a criminal case waits for a second officer. */
@Entity('classification_overrides')
@Index('classification_overrides_complaint_idx', ['complaintId', 'requestedAt'])
@Index('classification_overrides_one_pending_key', ['complaintId'], { unique: true, where: `state = 'pending'` })
@Check('classification_overrides_state_check', `state IN (${sqlList(OVERRIDE_STATES)})`)
@Check('classification_overrides_to_check', `to_category IN (${sqlList(CATEGORIES)})`)
export class ClassificationOverride {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('varchar', { length: 20, nullable: true })
  fromCategory: Category | null;

  @Column('varchar', { length: 20 })
  toCategory: Category;

  /** The triage's category and rule-set version when the override was asked for: what the rules got wrong. */
  @Column('varchar', { length: 20, nullable: true })
  triageCategory: Category | null;

  @Column('varchar', { length: 40, nullable: true })
  rulesetVersion: string | null;

  @Column('text')
  reason: string;

  @Column('varchar', { length: 20 })
  state: OverrideState;

  @Column('uuid')
  requestedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by' })
  requester?: User;

  @Column('timestamptz')
  requestedAt: Date;

  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by' })
  decider?: User;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;
}
