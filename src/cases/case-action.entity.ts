import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from '../complaints/complaint.entity.js';
import { sqlList } from '../complaints/complaint-categories.js';
import { User } from '../users/user.entity.js';
import { OUTCOME_KINDS, type OutcomeKind } from './case-lifecycle.js';
import type { CaseStatus } from './case-status.js';

/** An outcome or lifecycle step an officer recorded. Notes may name people, so they live here, not in the case log. */
@Entity('case_actions')
@Index('case_actions_complaint_recorded_idx', ['complaintId', 'recordedAt'])
@Check('case_actions_kind_check', `kind IN (${sqlList(OUTCOME_KINDS)})`)
export class CaseAction {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('varchar', { length: 40 })
  kind: OutcomeKind;

  @Column('text')
  notes: string;

  @Column('varchar', { length: 30 })
  fromStatus: CaseStatus;

  @Column('varchar', { length: 30 })
  toStatus: CaseStatus;

  @Column('uuid')
  recordedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: User;

  @Column('timestamptz')
  recordedAt: Date;
}
