import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Complaint } from '../complaints/complaint.entity.js';
import type { Evidence } from './rules/rule.types.js';

/** The stored verdict of one rule step; unique per complaint, step and rule-set version, so a re-run records nothing twice. */
@Entity('triage_step_results')
@Unique('triage_step_results_once_key', ['complaintId', 'step', 'rulesetVersion'])
export class TriageStepResult {
  @PrimaryColumn('uuid')
  id: string;

  /** Looked up through the unique key, whose first column this is: no index of its own (DropIndexesTheUniqueKeysCover). */
  @Column('uuid')
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('varchar', { length: 40 })
  step: string;

  @Column('varchar', { length: 40 })
  rulesetVersion: string;

  @Column('varchar', { length: 40 })
  verdict: string;

  @Column('jsonb')
  evidence: Evidence[];

  /** Step-specific findings (scores, routes, linked references) that the deciding step reads. */
  @Column('jsonb', { default: () => `'{}'` })
  findings: Record<string, unknown>;

  /**
   * The analyse step's whole language analysis, as JSON text (lz4-compressed text, not jsonb: see the migration
   * StoreAnalysisAsText). Its findings then hold only what the language check decided. Null for the other steps,
   * and once the complaint's personal data has been erased.
   */
  @Column('text', { nullable: true })
  analysis: string | null;

  @Column('timestamptz')
  completedAt: Date;
}
