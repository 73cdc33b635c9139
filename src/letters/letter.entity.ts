import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from '../complaints/complaint.entity.js';
import { sqlList } from '../complaints/complaint-categories.js';
import { User } from '../users/user.entity.js';

export const LETTER_KINDS = ['acknowledgement', 'iopc_referral_notice', 'not_recorded_notice', 'informal_resolution_outcome'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** A letter to the complainant, made from a template, stored on the case, emailed when SMTP is configured. */
@Entity('letters')
@Index('letters_complaint_created_idx', ['complaintId', 'createdAt'])
@Check('letters_kind_check', `kind IN (${sqlList(LETTER_KINDS)})`)
export class Letter {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('varchar', { length: 40 })
  kind: LetterKind;

  @Column('text')
  recipient: string;

  @Column('text')
  subject: string;

  @Column('text')
  body: string;

  @Column('uuid')
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @Column('timestamptz')
  createdAt: Date;

  /** When the mail server accepted it; null when SMTP is not configured or sending failed. */
  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('text', { nullable: true })
  sendError: string | null;
}
