import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from '../complaints/complaint.entity.js';

/**
 * The secret that keys the case log's hashes of one case's free text (notes, reasons, letter bodies, corrected
 * details). Kept apart from the chain and destroyed by erasure: afterwards a hash in the log can no longer be
 * checked against a guess, so it no longer reveals or links anything.
 */
@Entity('case_text_keys')
export class CaseTextKey {
  @PrimaryColumn('uuid')
  complaintId: string;

  @OneToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('bytea')
  key: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
