import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment.js';
import { dataSourceOptions } from '../database/data-source.js';
import { CaseLogChainer } from './case-log-chainer.service.js';
import { ChainVerifyService } from './chain-verify.service.js';

/** npm run audit:verify: checks the whole case-log chain of DATABASE_URL; exit 0 intact, 1 broken, 2 could not check. */
async function main(): Promise<number> {
  const dataSource = new DataSource({ ...dataSourceOptions(loadEnvironment()), extra: { max: 1 } });
  await dataSource.initialize();
  const bar = new SingleBar({ format: 'verify: [{bar}] {percentage}% {value}/{total} events, {eta_formatted} left', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 });
  try {
    const started = Date.now();
    let barStarted = false;
    const result = await new ChainVerifyService(dataSource, new CaseLogChainer(loadEnvironment(), dataSource)).verify({
      onProgress: (checked, upTo) => {
        if (!barStarted) bar.start(upTo, 0);
        barStarted = true;
        bar.update(checked);
      },
    });
    bar.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      console.log(`case log intact: ${result.events} events in ${seconds} s; head ${result.head?.sequence ?? 0} ${result.head?.hash ?? ''}`);
      return 0;
    }
    console.error(`CASE LOG BROKEN at sequence ${result.firstBrokenSequence} (${result.reason}); ${result.events} events checked in ${seconds} s`);
    return 1;
  } finally {
    bar.stop();
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`audit:verify could not run: ${(error as Error).message}`);
    process.exit(2);
  },
);
