import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from '../complaints/complaint.entity.js';
import { sqlList } from '../complaints/complaint-categories.js';
import { User } from '../users/user.entity.js';

export const LETTER_KINDS = ['acknowledgement', 'iopc_referral_notice', 'not_recorded_notice', 'informal_resolution_outcome'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** draft: an officer may still edit it; sending: approved, the worker is emailing it; sent; failed: every attempt to email it failed. */
export const LETTER_STATUSES = ['draft', 'sending', 'sent', 'failed'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const DELIVERIES = ['email', 'post'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/**
 * A letter to the complainant, made from a template and what the officer wrote for the complainant (never from
 * internal notes), previewed and edited as a draft, then emailed by a worker or printed and posted.
 */
@Entity('letters')
@Index('letters_complaint_created_idx', ['complaintId', 'createdAt'])
// One automatic acknowledgement a case: the worker that makes it on receipt may run twice, the letter is made once.
@Index('letters_one_acknowledgement_key', ['complaintId'], { unique: true, where: "kind = 'acknowledgement' AND created_by IS NULL" })
@Index('letters_sending_idx', ['approvedAt'], { where: "status = 'sending'" })
@Check('letters_kind_check', `kind IN (${sqlList(LETTER_KINDS)})`)
@Check('letters_status_check', `status IN (${sqlList(LETTER_STATUSES)})`)
@Check('letters_delivery_check', `delivery IS NULL OR delivery IN (${sqlList(DELIVERIES)})`)
export class Letter {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  /** The template it was made from. */
  @Column('varchar', { length: 40 })
  kind: LetterKind;

  /** The language of its template: the complaint's language. */
  @Column('varchar', { length: 5, default: 'en' })
  language: string;

  @Column('varchar', { length: 10, default: 'draft' })
  status: LetterStatus;

  /** The email address it goes to (empty when the complainant gave none). */
  @Column('text')
  recipient: string;

  /** Name and postal address at the time it was made, for the printed letter. */
  @Column('text', { default: '' })
  recipientName: string;

  @Column('text', { nullable: true })
  postalAddress: string | null;

  @Column('text')
  subject: string;

  /** What the officer wrote for the complainant, put into the template; kept to show what was asked for. */
  @Column('text', { nullable: true })
  message: string | null;

  @Column('text')
  body: string;

  /** Null for letters the system made itself (the acknowledgement on receipt). */
  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @Column('timestamptz')
  createdAt: Date;

  @Column('uuid', { nullable: true })
  approvedBy: string | null;

  @Column('timestamptz', { nullable: true })
  approvedAt: Date | null;

  @Column('varchar', { length: 10, nullable: true })
  delivery: Delivery | null;

  /** When the mail server accepted it, or when an officer recorded it as posted. */
  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('text', { nullable: true })
  sendError: string | null;
}
