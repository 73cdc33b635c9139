import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from '../complaints/complaint.entity.js';
import { sqlList } from '../complaints/complaint-categories.js';

/** pending: stored in quarantine, not yet scanned (clamd was down); clean: scanned, may be downloaded; infected: found
 *  infected by a later scan, its content deleted. A file found infected on upload is never stored at all. */
export const SCAN_STATES = ['pending', 'clean', 'infected'] as const;
export type ScanState = (typeof SCAN_STATES)[number];

/** A file a complainant sent with a complaint. Its bytes live in evidence_contents, read only to scan or download. */
@Entity('evidence_files')
@Check('evidence_files_scan_check', `scan IN (${sqlList(SCAN_STATES)})`)
@Index('evidence_files_complaint_sha256_key', ['complaintId', 'sha256'], { unique: true })
@Index('evidence_files_pending_idx', ['createdAt'], { where: `scan = 'pending'` })
export class EvidenceFile {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  /** As the complainant named it (personal data: it may name people), cleaned of paths and control characters. */
  @Column('text')
  filename: string;

  /** Read from the file's bytes, not its name. */
  @Column('varchar', { length: 100 })
  mediaType: string;

  @Column('integer')
  size: number;

  @Column('char', { length: 64 })
  sha256: string;

  @Column('varchar', { length: 10 })
  scan: ScanState;

  @Column('timestamptz', { nullable: true })
  scannedAt: Date | null;

  /** The signature clamd named, for a file found infected after it was stored. */
  @Column('text', { nullable: true })
  virus: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
