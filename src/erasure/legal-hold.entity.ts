import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from '../complaints/complaint.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A legal hold on a case (litigation, an investigation, a request under way): while it stands neither the retention
 * job nor an admin can erase the case's personal data. Releasing it deletes the row; both are in the case log.
 */
@Entity('legal_holds')
export class LegalHold {
  @PrimaryColumn('uuid')
  complaintId: string;

  @OneToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('text')
  reason: string;

  @Column('uuid')
  placedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'placed_by' })
  placer?: User;

  @Column('timestamptz')
  placedAt: Date;
}
