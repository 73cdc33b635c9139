import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const CHECKPOINT_OCCASIONS = ['on_demand', 'export', 'scheduled'] as const;
export type CheckpointOccasion = (typeof CHECKPOINT_OCCASIONS)[number];

/**
 * Every signed checkpoint of the case log, kept here and delivered outside the database (a directory, an email). The
 * signed columns never change (a trigger refuses it, whatever the replication role); only the delivery columns do.
 */
@Entity('case_log_checkpoints')
@Index('case_log_checkpoints_head_key', ['keyId', 'sequence', 'hash'], { unique: true })
@Index('case_log_checkpoints_sequence_idx', ['sequence'])
@Index('case_log_checkpoints_undelivered_idx', ['id'], { where: 'file_delivered_at IS NULL OR emailed_at IS NULL' })
@Check('case_log_checkpoints_occasion_check', `occasion IN ('on_demand', 'export', 'scheduled')`)
export class CaseLogCheckpoint {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('bigint')
  sequence: string;

  @Column('char', { length: 64 })
  hash: string;

  @Column('timestamptz')
  issuedAt: Date;

  /** Hex SHA-256 of the signing key's public key (DER SubjectPublicKeyInfo). */
  @Column('char', { length: 64 })
  keyId: string;

  /** Base64 of the 64-byte Ed25519 signature of `text`. */
  @Column('varchar', { length: 100 })
  signature: string;

  /** Exactly what was signed. */
  @Column('text')
  text: string;

  /** The signed note: text, a blank line, the signature line. What is delivered. */
  @Column('text')
  note: string;

  /** Why it was first signed. */
  @Column('varchar', { length: 20 })
  occasion: CheckpointOccasion;

  @Column('timestamptz', { nullable: true })
  fileDeliveredAt: Date | null;

  @Column('timestamptz', { nullable: true })
  emailedAt: Date | null;

  @Column('int', { default: 0 })
  deliveryAttempts: number;

  /** Not before this time is delivery tried (again); also a lease while a worker delivers. */
  @Column('timestamptz', { nullable: true })
  nextDeliveryAt: Date | null;

  @Column('text', { nullable: true })
  lastDeliveryError: string | null;
}
