import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from '../complaints/complaint.entity.js';
import { sqlList } from '../complaints/complaint-categories.js';
import { User } from '../users/user.entity.js';

export const CONTACT_CHANNELS = ['phone', 'email', 'letter', 'in_person'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_DIRECTIONS = ['from_complainant', 'to_complainant'] as const;
export type ContactDirection = (typeof CONTACT_DIRECTIONS)[number];

/**
 * An officer's internal note on a case, or a contact with the complainant logged (a call, an email, a visit). Notes
 * may name people, so the text lives here and the case log holds its hash. No note ever reaches a letter.
 */
@Entity('case_notes')
@Index('case_notes_complaint_created_idx', ['complaintId', 'createdAt'])
@Check('case_notes_contact_channel_check', `contact_channel IS NULL OR contact_channel IN (${sqlList(CONTACT_CHANNELS)})`)
@Check('case_notes_contact_direction_check', `contact_direction IS NULL OR contact_direction IN (${sqlList(CONTACT_DIRECTIONS)})`)
export class CaseNote {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('text')
  text: string;

  /** Set when the note records a contact with the complainant: how it happened. */
  @Column('varchar', { length: 20, nullable: true })
  contactChannel: ContactChannel | null;

  @Column('varchar', { length: 20, nullable: true })
  contactDirection: ContactDirection | null;

  @Column('uuid')
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @Column('timestamptz')
  createdAt: Date;
}
