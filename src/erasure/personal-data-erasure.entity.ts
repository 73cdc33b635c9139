import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from '../complaints/complaint.entity.js';
import { sqlList } from '../complaints/complaint-categories.js';
import { User } from '../users/user.entity.js';

export const ERASURE_TRIGGERS = ['request', 'retention'] as const;
export type ErasureTrigger = (typeof ERASURE_TRIGGERS)[number];

/**
 * One erasure of a case's personal data: who (an admin, or the retention job), why and what it removed, by table.
 * Holds no personal data itself; the reason is checked not to repeat the complainant's details.
 */
@Entity('personal_data_erasures')
@Index('personal_data_erasures_complaint_idx', ['complaintId', 'erasedAt'])
@Index('personal_data_erasures_erased_at_idx', ['erasedAt'])
@Check('personal_data_erasures_trigger_check', `trigger IN (${sqlList(ERASURE_TRIGGERS)})`)
export class PersonalDataErasure {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('varchar', { length: 20 })
  trigger: ErasureTrigger;

  @Column('text')
  reason: string;

  /** Null when the retention job erased it. */
  @Column('uuid', { nullable: true })
  erasedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'erased_by' })
  eraser?: User;

  @Column('timestamptz')
  erasedAt: Date;

  /** Rows changed, by table (notes: 3, letters: 1...): what the erasure reached. */
  @Column('jsonb')
  removed: Record<string, number>;
}
