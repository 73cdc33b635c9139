import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import { readFileSync } from 'node:fs';
import { AppModule } from '../src/app.module.js';
import { prepareServices } from '../src/bootstrap.js';
import { DomainError } from '../src/common/domain-error.js';
import { ComplaintsService } from '../src/complaints/complaints.service.js';
import type { CreateComplaintDto } from '../src/complaints/dto/create-complaint.dto.js';
import { loadEnvironment } from '../src/config/environment.js';
import { UsersService } from '../src/users/users.service.js';

type DemoComplaint = CreateComplaintDto & { key: string };

/** Demo staff for trying the pages locally; never created in production. */
export const DEMO_STAFF = [
  { email: 'officer@example.org', password: 'officer-password-1', role: 'officer' as const },
  { email: 'auditor@example.org', password: 'auditor-password-1', role: 'auditor' as const },
];

/** Loads the demo complaints and staff. Idempotent: each complaint carries its own Idempotency-Key. */
async function main(): Promise<void> {
  const env = loadEnvironment();
  if (env.NODE_ENV === 'production' && !process.argv.includes('--force')) {
    console.log('seed: NODE_ENV=production, so no demo data (use --force to load it anyway)');
    return;
  }
  await prepareServices(env);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(env, { api: true, worker: false }), { logger: ['error'] });
  try {
    const users = app.get(UsersService);
    await users.ensureFirstAdmin(env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    for (const staff of DEMO_STAFF) {
      await users.create(staff.email, staff.password, staff.role, 'system').catch((error) => {
        if (!(error instanceof DomainError)) throw error; // already there
      });
    }
    const complaints = JSON.parse(readFileSync(new URL('./demo-complaints.json', import.meta.url), 'utf8')) as DemoComplaint[];
    const service = app.get(ComplaintsService);
    const bar = new SingleBar({ format: 'seed: demo complaints [{bar}] {value}/{total}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 1000 });
    bar.start(complaints.length, 0);
    let created = 0;
    for (const { key, ...complaint } of complaints) {
      const receipt = await service.submit({ language: 'en', ...complaint, channel: 'api', actor: 'system', idempotencyKey: `seed-${key}` });
      if (receipt.created) created++;
      bar.increment();
    }
    bar.stop();
    console.log(`seed: ${created} new demo complaints (${complaints.length - created} already there); staff: ${DEMO_STAFF.map((s) => s.email).join(', ')}`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(`seed failed: ${(error as Error).message}`);
  process.exit(1);
});
