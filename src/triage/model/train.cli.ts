import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { loadEnvironment } from '../../config/environment.js';
import { crossValidate, fullRecallThreshold, prepare } from '../evaluation/cross-validate.js';
import { loadLabelled, type LabelledCase } from '../evaluation/labelled-cases.js';
import { figures } from '../evaluation/report.js';
import { trainModel } from './train.js';
import { modelUrl } from './triage-model.js';

const FOLDS = 5;

/**
 * npm run triage:train [-- --no-database]
 *
 * Trains the second opinion on every labelled complaint in the repository and on officers' decisions in the
 * database (categories they overrode to, and categories they let stand when clearing a review), chooses the criminal
 * threshold that gives full recall in cross-validation, and writes src/triage/model/model.json. The artifact is part
 * of the rule set: commit it with a version bump (see ruleset.spec.ts).
 */
async function main(): Promise<void> {
  const labelled = loadLabelled();
  const fromDatabase = process.argv.includes('--no-database') ? [] : await officersDecisions();
  const prepared = prepare([...labelled, ...fromDatabase]);
  console.log(`training on ${labelled.length} labelled complaints and ${fromDatabase.length} officers' decisions`);
  const threshold = fullRecallThreshold(crossValidate(prepared, FOLDS));
  const cv = figures(crossValidate(prepared, FOLDS, threshold));
  const model = trainModel(prepared.map((p) => p.example), threshold);
  const artifact = {
    ...model.artifact,
    crossValidation: {
      folds: FOLDS,
      accuracy: round(cv.accuracy),
      criminalRecallAtThreshold: round(cv.criminal ? cv.criminalCaught / cv.criminal : 1),
      nonCriminalAboveThreshold: round(cv.reviewRate),
    },
  };
  writeFileSync(modelUrl.pathname.replace('/dist/src/', '/src/'), `${JSON.stringify(artifact)}\n`);
  console.log(`criminal threshold ${threshold}; cross-validated accuracy ${(100 * cv.accuracy).toFixed(1)}%, criminal recall ${cv.criminalCaught}/${cv.criminal}, review rate ${(100 * cv.reviewRate).toFixed(1)}%`);
  console.log(`wrote src/triage/model/model.json (${Object.keys(artifact.weights).length} features): bump RULESET_SEMVER and the lock`);
}

/** Officers' categories: an override in force, or the triage's category when an officer cleared its review. */
async function officersDecisions(): Promise<LabelledCase[]> {
  const client = new pg.Client({ connectionString: loadEnvironment().DATABASE_URL });
  try {
    await client.connect();
  } catch {
    console.log('no database reachable: training on the repository only');
    return [];
  }
  try {
    const { rows } = await client.query<{ reference: string; category: LabelledCase['category']; summary: string; details: string; subject_role: 'pcc'; subject_name: string | null }>(
      `SELECT c.reference, c.category, c.summary, c.details, c.subject_role, c.subject_name
         FROM complaints c
        WHERE c.category IS NOT NULL
          AND (c.override_category IS NOT NULL
               OR EXISTS (SELECT 1 FROM triage_runs r WHERE r.complaint_id = c.id AND r.review_cleared_at IS NOT NULL))`,
    );
    return rows.map((r) => ({
      id: `db-${r.reference}`,
      category: r.category,
      route: null,
      why: "an officer's decision",
      source: 'database',
      complaint: { complainant: { name: '', email: '' }, subject: { role: r.subject_role, name: r.subject_name ?? undefined }, summary: r.summary, details: r.details },
    }));
  } finally {
    await client.end();
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

void main();
