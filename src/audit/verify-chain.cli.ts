import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment.js';
import { dataSourceOptions } from '../database/data-source.js';
import type { ChainVerification, CheckpointVerification } from './chain-verify.service.js';
import type { CheckpointSigner, OpenedCheckpoint } from './checkpoint-signer.service.js';
import { standaloneAudit } from './standalone-audit.js';

/**
 * npm run audit:verify [-- --checkpoint FILE]: checks the whole case-log chain of DATABASE_URL against every signed
 * checkpoint held, and against the checkpoint in FILE (a saved signed note, or the JSON of GET /api/audit/checkpoint).
 * Exit 0 intact, 1 broken (or the checkpoint is refused), 2 could not check.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { checkpoint: { type: 'string' } }, strict: true });
  const saved = values.checkpoint === undefined ? undefined : readFileSync(values.checkpoint, 'utf8');
  const env = loadEnvironment();
  const dataSource = new DataSource({ ...dataSourceOptions(env), extra: { max: 1 } });
  await dataSource.initialize();
  const bar = new SingleBar({ format: 'verify: [{bar}] {percentage}% {value}/{total} events, {eta_formatted} left', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 });
  try {
    const { signer, verifier } = standaloneAudit(env, dataSource);
    const started = Date.now();
    let barStarted = false;
    const onProgress = (checked: number, upTo: number) => {
      if (!barStarted) bar.start(upTo, 0);
      barStarted = true;
      bar.update(checked);
    };
    const result = saved === undefined ? await verifier.verify({ onProgress }) : await verifier.verifyAgainst(openSaved(signer, saved), onProgress);
    bar.stop();
    return report(result, ((Date.now() - started) / 1000).toFixed(1));
  } finally {
    bar.stop();
    await dataSource.destroy();
  }
}

/** A saved signed note, or the JSON the API answers (with or without its { checkpoint } wrapper). */
function openSaved(signer: CheckpointSigner, saved: string): OpenedCheckpoint {
  if (!saved.trimStart().startsWith('{')) return signer.openNote(saved);
  const json = JSON.parse(saved) as Record<string, unknown>;
  const claim = (json.checkpoint ?? json) as Parameters<CheckpointSigner['open']>[0];
  if (typeof claim.text !== 'string' || typeof claim.signature !== 'string' || typeof claim.keyId !== 'string') return { valid: false, problem: 'not_a_checkpoint', body: null };
  return signer.open(claim);
}

function report(result: ChainVerification | CheckpointVerification, seconds: string): number {
  const held = `${result.checkpoints.compared} signed checkpoints compared`;
  const refused = result.checkpoints.badSignature + result.checkpoints.unknownKey;
  if (refused) console.error(`warning: ${result.checkpoints.badSignature} checkpoints held fail their signature and ${result.checkpoints.unknownKey} are signed by unknown keys`);
  if ('checkpoint' in result && result.checkpoint === 'bad_signature') {
    console.error(`CHECKPOINT REFUSED: it is not a checkpoint this system signed (${result.checkpointProblem?.replace('_', ' ')}), so it proves nothing about the log.`);
    return 1;
  }
  if (result.ok) {
    const against = 'checkpoint' in result ? ' and consistent with the checkpoint' : '';
    console.log(`case log intact${against}: ${result.events} events in ${seconds} s, ${held}; head ${result.head?.sequence ?? 0} ${result.head?.hash ?? ''}`);
    return 0;
  }
  if (result.reason === 'checkpoint') {
    console.error(
      `CASE LOG CHANGED: the chain no longer matches a signed checkpoint at sequence ${result.firstBrokenSequence}; it still matches through sequence ${result.unchangedThrough}, so the change lies between. ${result.events} events checked in ${seconds} s.`,
    );
  } else {
    console.error(`CASE LOG BROKEN at sequence ${result.firstBrokenSequence} (${result.reason}); ${result.events} events checked in ${seconds} s`);
  }
  if ('checkpoint' in result) console.error(`the checkpoint given is ${result.checkpoint}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`audit:verify could not run: ${(error as Error).message}`);
    process.exit(2);
  },
);
