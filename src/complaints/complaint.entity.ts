import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CASE_STATUSES, type CaseStatus } from '../cases/case-status.js';
import { CATEGORIES, CHANNELS, CONTACT_PREFERENCES, SUBJECT_ROLES, sqlList, type Category, type Channel, type ContactPreference, type SubjectRole } from './complaint-categories.js';
import { LANGUAGES, type Language } from '../i18n/translations.js';
import { User } from '../users/user.entity.js';
import { Complainant } from './complainant.entity.js';

/** A complaint and the case it becomes. Personal data lives in Complainant. */
@Entity('complaints')
@Check('complaints_status_check', `status IN (${sqlList(CASE_STATUSES)})`)
@Check('complaints_subject_role_check', `subject_role IN (${sqlList(SUBJECT_ROLES)})`)
@Check('complaints_channel_check', `channel IN (${sqlList(CHANNELS)})`)
@Check('complaints_category_check', `category IS NULL OR category IN (${sqlList(CATEGORIES)})`)
@Check('complaints_triage_category_check', `triage_category IS NULL OR triage_category IN (${sqlList(CATEGORIES)})`)
@Check('complaints_override_category_check', `override_category IS NULL OR override_category IN (${sqlList(CATEGORIES)})`)
@Check('complaints_language_check', `language IN (${sqlList(LANGUAGES)})`)
@Check('complaints_contact_preference_check', `contact_preference IN (${sqlList(CONTACT_PREFERENCES)})`)
@Index('complaints_category_due_idx', ['category', 'nextDueAt', 'receivedAt', 'id']) // the queue's whole order: a page stops after its rows
@Index('complaints_status_due_idx', ['status', 'nextDueAt'])
@Index('complaints_due_idx', ['nextDueAt', 'receivedAt', 'id'])
@Index('complaints_received_idx', ['receivedAt'])
// The queue's search by reference: a prefix of translate(replace(reference, '-', ''), 'OIL', '011'), an expression index
// the migration creates and TypeORM must leave alone. The search of its words is in ComplaintSearchDocument.
@Index('complaints_reference_key_idx', { synchronize: false })
@Index('complaints_possible_offence_due_idx', ['nextDueAt'], { where: 'possible_offence' })
export class Complaint {
  @PrimaryColumn('uuid')
  id: string;

  @Index('complaints_reference_key', { unique: true })
  @Column('varchar', { length: 20 })
  reference: string;

  @Index()
  @Column('uuid')
  complainantId: string;

  @ManyToOne(() => Complainant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complainant_id' })
  complainant?: Complainant;

  @Column('varchar', { length: 20 })
  subjectRole: SubjectRole;

  @Column('text', { nullable: true })
  subjectName: string | null;

  @Column('varchar', { length: 300 })
  summary: string;

  @Column('text')
  details: string;

  @Column('date', { nullable: true })
  incidentDate: string | null;

  @Column('varchar', { length: 20 })
  channel: Channel;

  @Column('timestamptz')
  receivedAt: Date;

  /** The language of the form used (or of the API request): every letter and email to this person goes in it. */
  @Column('varchar', { length: 2, default: 'en' })
  language: Language;

  @Column('varchar', { length: 10, default: 'email' })
  contactPreference: ContactPreference;

  @Column('varchar', { length: 30, default: 'received' })
  status: CaseStatus;

  /** The category the latest triage gave. */
  @Column('varchar', { length: 20, nullable: true })
  triageCategory: Category | null;

  /** An officer's category, in force over the triage's once it takes effect. */
  @Column('varchar', { length: 20, nullable: true })
  overrideCategory: Category | null;

  /** The category in force: the officer's override, else the triage's. */
  @Column('varchar', { length: 20, nullable: true })
  category: Category | null;

  @Index()
  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: User;

  @Index('complaints_idempotency_key', { unique: true, where: 'idempotency_key IS NOT NULL' })
  @Column('varchar', { length: 200, nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 of the submission stored under the key: a different complaint under the same key is refused, never merged. */
  @Column('varchar', { length: 64, nullable: true })
  idempotencyHash: string | null;

  @Column('timestamptz', { nullable: true })
  triagedAt: Date | null;

  /** The earliest due time among the case's unmet deadlines: what the queue sorts and filters by. */
  /** The latest triage saw a possible offence by the office holder (kept here for the queue's ordering and filters). */
  @Column('boolean', { default: false })
  possibleOffence: boolean;

  @Column('timestamptz', { nullable: true })
  nextDueAt: Date | null;

  @Column('timestamptz')
  updatedAt: Date;

  /**
   * When the complainant's personal data and the complaint's words were last erased (src/erasure). The case itself
   * stays, for the statistics and the case log; the triage never reads an erased complaint again.
   */
  @Column('timestamptz', { nullable: true })
  personalDataErasedAt: Date | null;
}
