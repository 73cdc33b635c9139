import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { EvidenceFile } from './evidence-file.entity.js';

/**
 * The bytes of an evidence file, apart from its description so lists never load them. In Postgres rather than on a
 * disk so every API and worker process reaches them, and they are backed up and erased with the case.
 */
@Entity('evidence_contents')
export class EvidenceContent {
  @PrimaryColumn('uuid')
  evidenceId: string;

  @OneToOne(() => EvidenceFile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: EvidenceFile;

  @Column('bytea')
  content: Buffer;
}
