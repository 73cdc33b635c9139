import { SingleBar } from 'cli-progress';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { eventHash, GENESIS_HASH } from '../src/audit/event-hash.js';

const BATCH = 10_000;
const START = Date.UTC(2025, 0, 1);
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CATEGORIES = ['criminal', 'conduct', 'vexatious', 'political', 'non_policing'];

const block = (n: number) => Array.from({ length: 4 }, (_, i) => ALPHABET[(n >> (i * 5)) & 31]).join('');

/** A plausible event: the shapes the application writes, people only by id. */
function eventAt(sequence: number) {
  const caseNo = Math.floor(sequence / 4);
  const reference = `PCC-${block(caseNo)}-${block(caseNo * 7919)}`;
  const kind = sequence % 4;
  const [type, details]: [string, Record<string, unknown>] =
    kind === 0 ? ['complaint.received', { complaintId: randomUUID(), complainantId: randomUUID(), channel: 'web' }]
    : kind === 1 ? ['triage.completed', { category: CATEGORIES[caseNo % 5], confidence: 0.8, rulesetVersion: '1.0.0+abcdef12', needsReview: false }]
    : kind === 2 ? ['deadline.met', { kind: 'acknowledgement', dueAt: new Date(START + sequence * 30_000 + 86_400_000).toISOString() }]
    : ['outcome.recorded', { kind: 'informal_resolution_concluded', notes: 'Resolved after a meeting, with an apology.' }];
  return { sequence, occurredAt: new Date(START + sequence * 30_000).toISOString(), reference, actor: kind === 3 ? `user:${randomUUID()}` : 'system', type, details };
}

/** Seeds `count` events with a valid hash chain after whatever the log holds, in unnest batches; shows progress. */
export async function seedEvents(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const bar = new SingleBar({ format: 'seed: [{bar}] {percentage}% {value}/{total} events, {eta_formatted} left', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 });
  try {
    const [head] = (await client.query<{ sequence: string; hash: string }>('SELECT sequence, hash FROM case_events ORDER BY sequence DESC LIMIT 1')).rows;
    let sequence = head ? Number(head.sequence) : 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    bar.start(count, 0);
    for (let done = 0; done < count; ) {
      const columns: unknown[][] = [[], [], [], [], [], [], [], []];
      for (let i = 0; i < Math.min(BATCH, count - done); i++) {
        const event = eventAt(++sequence);
        const hash = eventHash(prevHash, event);
        [event.sequence, event.occurredAt, event.reference, event.actor, event.type, JSON.stringify(event.details), prevHash, hash].forEach((v, c) => columns[c].push(v));
        prevHash = hash;
      }
      await client.query(
        `INSERT INTO case_events (sequence, occurred_at, reference, actor, type, details, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::varchar[], $4::varchar[], $5::varchar[], $6::jsonb[], $7::char(64)[], $8::char(64)[])`,
        columns,
      );
      done += columns[0].length;
      bar.update(done);
    }
    bar.stop();
    await client.query('ANALYZE case_events');
  } finally {
    bar.stop();
    await client.end();
  }
}
