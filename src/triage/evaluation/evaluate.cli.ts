import { existsSync } from 'node:fs';
import { loadLabelled, readCases } from './labelled-cases.js';
import { crossValidate, fullRecallThreshold, prepare, triageLabelled } from './cross-validate.js';
import { report } from './report.js';
import { currentModel } from '../model/triage-model.js';
import { RULESET_VERSION } from '../rules/ruleset.js';

/**
 * npm run triage:evaluate -- [--folds 5] [--blind FILE ...]
 *
 * k-fold cross-validation of the whole triage over every labelled complaint in the repository (the model retrained
 * for each fold), then each blind batch named, scored once with the repository's model as it stands.
 */
function main(): void {
  const args = process.argv.slice(2);
  const folds = Number(valueOf(args, '--folds') ?? 5);
  const blind = args.flatMap((a, i) => (args[i - 1] === '--blind' ? [a] : []));
  console.log(`rule set ${RULESET_VERSION}`);
  if (!args.includes('--blind-only')) {
    const started = Date.now();
    const prepared = prepare(loadLabelled());
    console.log(`${prepared.length} labelled complaints, ${folds}-fold cross-validation (model retrained per fold)`);
    const first = crossValidate(prepared, folds);
    const threshold = fullRecallThreshold(first);
    const outcomes = crossValidate(prepared, folds, threshold);
    console.log(report(`cross-validation, ${folds} folds, model criminal threshold ${threshold}`, outcomes));
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  for (const file of blind) {
    if (!existsSync(file)) throw new Error(`no blind batch at ${file}`);
    const prepared = prepare(readCases(file).map((c) => ({ ...c, source: 'blind' })));
    const outcomes = prepared.map((p) => ({ labelled: p.labelled, decision: triageLabelled(p, currentModel()) }));
    console.log(report(`blind batch ${file}: first run with rule set ${RULESET_VERSION}`, outcomes));
  }
}

function valueOf(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

main();
