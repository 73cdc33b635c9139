import { SingleBar } from 'cli-progress';
import pg from 'pg';

const BATCH = 100_000;

/**
 * Tops the database up to `total` cases with generated SQL (one statement a batch of 100,000): complainants and
 * triaged complaints with varied text for the full-text index, every category, and due dates a month either side of
 * today. Returns how many were added.
 */
export async function seedCases(databaseUrl: string, total: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const bar = new SingleBar({ format: 'seed: [{bar}] {value}/{total} cases, {eta_formatted} left', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 });
  try {
    const [{ n: existing }] = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints')).rows;
    if (existing >= total) return 0;
    bar.start(total, existing);
    for (let from = existing; from < total; from += BATCH) {
      const to = Math.min(total, from + BATCH);
      await client.query(
        `WITH words AS (
           SELECT ARRAY['reply','letter','rude','meeting','precept','budget','station','closure','contract','expenses',
                        'appointment','officer','council','housing','speeding','burglary','survey','grant','social','media'] AS w
         ), people AS (
           INSERT INTO complainants (id, name, email, email_key, name_key)
           SELECT gen_random_uuid(), 'Seeded ' || s, 'seeded.' || s || '@example.org', 'seeded.' || s || '@example.org', 'seeded ' || s
             FROM generate_series($1::int + 1, $2::int) s
           RETURNING id
         )
         INSERT INTO complaints (id, reference, complainant_id, subject_role, summary, details, channel, received_at, status,
                                 triage_category, category, updated_at, next_due_at, triaged_at)
         SELECT gen_random_uuid(), 'PCC-S' || upper(lpad(to_hex(n), 7, '0')) || '-' || upper(substr(md5(n::text), 1, 4)), id, 'pcc',
                'The commissioner and the ' || w[1 + n % 20] || ' about the ' || w[1 + (n / 20) % 20],
                'I wrote about the ' || w[1 + n % 20] || ' and the ' || w[1 + (n / 7) % 20] || ' and the ' || w[1 + (n / 13) % 20] ||
                  '. Nobody answered me about the ' || w[1 + (n / 17) % 20] || '.',
                'web', now() - (n % 365) * interval '1 day', 'triaged',
                (ARRAY['criminal','conduct','vexatious','political','non_policing'])[1 + n % 5],
                (ARRAY['criminal','conduct','vexatious','political','non_policing'])[1 + n % 5],
                now(), now() + ((n % 61) - 30) * interval '1 day', now()
           FROM (SELECT id, $1::int + row_number() OVER () AS n FROM people) x, words`,
        [from, to],
      );
      bar.update(to);
    }
    bar.stop();
    await client.query('ANALYZE complainants; ANALYZE complaints');
    return total - existing;
  } finally {
    bar.stop();
    await client.end();
  }
}
