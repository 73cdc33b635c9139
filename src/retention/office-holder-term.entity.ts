import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SUBJECT_ROLES, sqlList, type SubjectRole } from '../complaints/complaint-categories.js';
import { User } from '../users/user.entity.js';

/**
 * The day an office holder left (or will leave) office, as an admin records it. A complaint about that role received
 * on or before the day is about that holder, so "kept until N months after they leave office" can be worked out.
 */
@Entity('office_holder_terms')
@Index('office_holder_terms_role_end_key', ['subjectRole', 'endedOn'], { unique: true })
@Check('office_holder_terms_role_check', `subject_role IN (${sqlList(SUBJECT_ROLES)})`)
export class OfficeHolderTerm {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 20 })
  subjectRole: SubjectRole;

  @Column('date')
  endedOn: string;

  /** Who holds the office, as the admin typed it (a public office holder, never a complainant); optional. */
  @Column('varchar', { length: 200, nullable: true })
  holderName: string | null;

  @Column('uuid')
  recordedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: User;

  @Column('timestamptz')
  recordedAt: Date;
}
