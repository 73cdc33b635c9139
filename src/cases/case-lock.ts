import type { EntityManager } from 'typeorm';
import type { Category } from '../complaints/complaint-categories.js';
import { DomainError } from '../common/domain-error.js';
import type { CaseStatus } from './case-status.js';

export interface LockedCase {
  id: string;
  reference: string;
  status: CaseStatus;
  category: Category | null;
  triageCategory: Category | null;
  overrideCategory: Category | null;
}

/** Loads a case and locks its row for the rest of the transaction, so two officers' moves never interleave. */
export async function lockCase(manager: EntityManager, reference: string): Promise<LockedCase> {
  const [row] = (await manager.query(
    `SELECT id, reference, status, category, triage_category, override_category FROM complaints WHERE reference = $1 FOR UPDATE`,
    [reference],
  )) as Array<{ id: string; reference: string; status: CaseStatus; category: Category | null; triage_category: Category | null; override_category: Category | null }>;
  if (!row) throw new DomainError('CASE.NOT_FOUND', `No case has the reference ${reference}`, 404);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    category: row.category,
    triageCategory: row.triage_category,
    overrideCategory: row.override_category,
  };
}
