import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Category } from '../../complaints/complaint-categories.js';

/** A labelled complaint, in the shared examples' format. */
export interface LabelledCase {
  id: string;
  category: Category;
  route: string | null;
  tricky?: boolean;
  why: string;
  complaint: {
    complainant: { name: string; email: string; postalAddress?: string };
    subject: { role: 'pcc' | 'deputy_pcc' | 'mayor'; name?: string };
    summary: string;
    details: string;
    incidentDate?: string;
  };
  history?: Array<{ summary: string; details: string; daysBefore: number }>;
  /** Which file it came from (fixtures, shared, written/..., blind/...). */
  source?: string;
}

/**
 * Every labelled complaint the repository holds: the project's fixtures, complaints written for training
 * (test/fixtures/written/), blind batches already scored and moved in (test/fixtures/blind/), and the shared
 * examples beside the checkout when present. Nothing from the blind vault.
 */
export function loadLabelled(root = process.cwd()): LabelledCase[] {
  const sets: Array<[string, string]> = [['fixtures', join(root, 'test/fixtures/triage-cases.json')]];
  const shared = join(root, '../shared/examples/complaints.json');
  if (existsSync(shared)) sets.push(['shared', shared]);
  for (const folder of ['written', 'blind']) {
    const dir = join(root, 'test/fixtures', folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) sets.push([`${folder}/${f.replace(/\.json$/, '')}`, join(dir, f)]);
  }
  return sets.flatMap(([source, file]) => readCases(file).map((c) => ({ ...c, source })));
}

export function readCases(file: string): LabelledCase[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as LabelledCase[]).map((c) => ({ ...c }));
}
