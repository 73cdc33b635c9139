import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from './complaint.entity.js';

/** Someone acting for the complainant: personal data, kept apart like the complainant's, and sent copies of letters. */
@Entity('representatives')
export class Representative {
  @PrimaryColumn('uuid')
  id: string;

  @Index('representatives_complaint_key', { unique: true })
  @Column('uuid')
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('text')
  name: string;

  @Column('text')
  relationship: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  postalAddress: string | null;

  /** The complainant agreed to them acting (the form asks; the API may leave it unsaid). */
  @Column('boolean', { nullable: true })
  consent: boolean | null;
}
