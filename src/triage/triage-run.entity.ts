import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { CATEGORIES, sqlList, type Category } from '../complaints/complaint-categories.js';
import { Complaint } from '../complaints/complaint.entity.js';

export interface Reg15Ground {
  ground: string;
  evidence: string;
}

/** One complete triage of a complaint under one rule-set version. */
@Entity('triage_runs')
@Unique('triage_runs_complaint_version_key', ['complaintId', 'rulesetVersion'])
@Check('triage_runs_category_check', `category IN (${sqlList(CATEGORIES)})`)
export class TriageRun {
  @PrimaryColumn('uuid')
  id: string;

  /** Looked up through the unique key, whose first column this is: no index of its own (DropIndexesTheUniqueKeysCover). */
  @Column('uuid')
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('varchar', { length: 40 })
  rulesetVersion: string;

  @Column('varchar', { length: 20 })
  category: Category;

  /** 0..1: how clearly the signals agreed. */
  @Column('real')
  confidence: number;

  @Column('boolean')
  needsReview: boolean;

  @Column('jsonb', { default: () => `'[]'` })
  reg15Grounds: Reg15Ground[];

  /** Some step saw a sign that the office holder may have committed an offence, whatever the category. */
  @Column('boolean', { default: false })
  possibleOffence: boolean;

  /** Why an officer must look before the category stands (possible_offence, low_confidence, not_english...). */
  @Column('jsonb', { default: () => `'[]'` })
  reviewReasons: string[];

  /** An officer looked and cleared the review, with a reason (kept in the case log as a hash). */
  @Column('timestamptz', { nullable: true })
  reviewClearedAt: Date | null;

  @Column('uuid', { nullable: true })
  reviewClearedBy: string | null;

  @Column('text', { nullable: true })
  reviewClearReason: string | null;

  /** Why this run happened: intake, replay or an officer's retriage. */
  @Column('varchar', { length: 20 })
  trigger: string;

  @Column('timestamptz')
  completedAt: Date;
}
