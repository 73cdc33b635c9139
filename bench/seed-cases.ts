import { SingleBar } from 'cli-progress';
import pg from 'pg';
import { searchDocumentOf } from '../src/complaints/search-document.js';

const BATCH = 100_000;

/**
 * Tops the database up to `total` cases with generated SQL (one statement a batch of 100,000): complainants and
 * complaints with varied text for the full-text search (and its documents), every category, due dates a month either side of today, and a
 * year of history for the statistics: received over the last 365 days, each with the deadlines, triage runs (a third
 * also by an earlier rule set), outcomes and overrides its state implies, met on time or late. Returns how many were
 * added. Rows are written directly, without case-log events: the caller rebuilds the statistics' summary.
 */
export async function seedCases(databaseUrl: string, total: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const bar = new SingleBar({ format: 'seed: [{bar}] {value}/{total} cases, {eta_formatted} left', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 });
  try {
    const [{ n: existing }] = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints')).rows;
    if (existing >= total) return 0;
    const [{ id: officer }] = (await client.query<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 1`)).rows;
    bar.start(total, existing);
    for (let from = existing; from < total; from += BATCH) {
      const to = Math.min(total, from + BATCH);
      await client.query(SEED_BATCH, [from, to, officer]);
      bar.update(to);
    }
    bar.stop();
    await client.query('ANALYZE complainants; ANALYZE complaints; ANALYZE complaint_search_documents; ANALYZE deadlines; ANALYZE triage_runs; ANALYZE case_actions; ANALYZE classification_overrides');
    return total - existing;
  } finally {
    bar.stop();
    await client.end();
  }
}

const CATEGORY = `(ARRAY['criminal','conduct','vexatious','political','non_policing'])`;

// Where a case stands, from its category and k = (n / 5) % 10: most decided, some still open, one in 97 withdrawn.
const STATUS = `CASE WHEN n % 97 = 0 THEN 'withdrawn'
  ELSE CASE n % 5
    WHEN 0 THEN CASE WHEN (n / 5) % 10 < 7 THEN 'referred_to_iopc' ELSE 'triaged' END
    WHEN 1 THEN CASE WHEN (n / 5) % 10 < 5 THEN 'outcome_recorded' WHEN (n / 5) % 10 < 8 THEN 'informal_resolution' ELSE 'triaged' END
    WHEN 2 THEN CASE WHEN (n / 5) % 10 < 6 THEN 'disapplied' ELSE 'triaged' END
    WHEN 3 THEN CASE WHEN (n / 5) % 10 < 8 THEN 'not_recorded' ELSE 'triaged' END
    ELSE CASE WHEN (n / 5) % 10 < 7 THEN 'redirected' ELSE 'triaged' END END END`;

const DECISION = `CASE c.status WHEN 'referred_to_iopc' THEN 'referred_to_iopc' WHEN 'outcome_recorded' THEN 'informal_resolution_started'
  WHEN 'informal_resolution' THEN 'informal_resolution_started' WHEN 'disapplied' THEN 'disapplied' WHEN 'not_recorded' THEN 'not_recorded'
  WHEN 'redirected' THEN 'redirected' WHEN 'withdrawn' THEN 'withdrawn' END`;

const SEED_BATCH = `
WITH words AS (
  SELECT ARRAY['reply','letter','rude','meeting','precept','budget','station','closure','contract','expenses',
               'appointment','officer','council','housing','speeding','burglary','survey','grant','social','media'] AS w
), people AS (
  INSERT INTO complainants (id, name, email, email_key, name_key)
  SELECT gen_random_uuid(), 'Seeded ' || s, 'seeded.' || s || '@example.org', 'seeded.' || s || '@example.org', 'seeded ' || s
    FROM generate_series($1::int + 1, $2::int) s
  RETURNING id
), numbered AS (
  SELECT id, $1::int + row_number() OVER () AS n FROM people
), cases AS (
  INSERT INTO complaints (id, reference, complainant_id, subject_role, summary, details, channel, received_at, status,
                          triage_category, override_category, category, updated_at, next_due_at, triaged_at)
  SELECT gen_random_uuid(), 'PCC-S' || upper(lpad(to_hex(n), 7, '0')) || '-' || upper(substr(md5(n::text), 1, 4)), id,
         (ARRAY['pcc','pcc','pcc','deputy_pcc','mayor'])[1 + (n / 3) % 5],
         'The commissioner and the ' || w[1 + n % 20] || ' about the ' || w[1 + (n / 20) % 20],
         'I wrote about the ' || w[1 + n % 20] || ' and the ' || w[1 + (n / 7) % 20] || ' and the ' || w[1 + (n / 13) % 20] ||
           '. Nobody answered me about the ' || w[1 + (n / 17) % 20] || '.',
         (ARRAY['web','web','api','letter','email','phone','in_person'])[1 + (n / 11) % 7],
         now() - (n % 365) * interval '1 day' - (n % 600) * interval '1 minute', ${STATUS},
         -- one case in twenty was triaged into the next category and overridden back by an officer
         ${CATEGORY}[1 + (n + CASE WHEN n % 20 = 0 THEN 1 ELSE 0 END) % 5],
         CASE WHEN n % 20 = 0 THEN ${CATEGORY}[1 + n % 5] END,
         ${CATEGORY}[1 + n % 5],
         now(), now() + ((n % 61) - 30) * interval '1 day', now()
    FROM numbered, words
  RETURNING id, status, category, triage_category, received_at, abs(hashtext(id::text)) % 1000 AS h, summary, details
), documents AS (
  INSERT INTO complaint_search_documents (complaint_id, document) SELECT id, ${searchDocumentOf('cases')} FROM cases
), acknowledgement AS (
  INSERT INTO deadlines (id, complaint_id, kind, start_at, due_at, met_at, met_by, calculation)
  SELECT gen_random_uuid(), id, 'acknowledgement', received_at, received_at + interval '7 days',
         CASE WHEN h % 10 < 9 THEN least(now(), received_at + (h % 9) * interval '1 day') END,
         CASE WHEN h % 10 < 9 THEN 'letter: acknowledgement' END, '{}'
    FROM cases
), recording AS (
  INSERT INTO deadlines (id, complaint_id, kind, start_at, due_at, met_at, met_by, calculation)
  SELECT gen_random_uuid(), id, 'recording_decision', received_at, received_at + interval '14 days',
         CASE WHEN status <> 'triaged' THEN least(now(), received_at + (h % 20) * interval '1 day') END,
         CASE WHEN status <> 'triaged' THEN status END, '{}'
    FROM cases
), referral AS (
  INSERT INTO deadlines (id, complaint_id, kind, start_at, due_at, met_at, met_by, calculation)
  SELECT gen_random_uuid(), id, 'iopc_referral', received_at + interval '1 hour', received_at + interval '1 day',
         CASE WHEN status IN ('referred_to_iopc', 'withdrawn') THEN least(now(), received_at + (h % 3) * interval '1 day') END,
         CASE WHEN status IN ('referred_to_iopc', 'withdrawn') THEN status END, '{}'
    FROM cases WHERE category = 'criminal'
), resolution AS (
  INSERT INTO deadlines (id, complaint_id, kind, start_at, due_at, met_at, met_by, calculation)
  SELECT gen_random_uuid(), id, 'informal_resolution', received_at + interval '10 days', received_at + interval '66 days',
         CASE WHEN status = 'outcome_recorded' THEN least(now(), received_at + (10 + h % 60) * interval '1 day') END,
         CASE WHEN status = 'outcome_recorded' THEN 'informal_resolution_concluded' END, '{}'
    FROM cases WHERE status IN ('informal_resolution', 'outcome_recorded')
), runs AS (
  INSERT INTO triage_runs (id, complaint_id, ruleset_version, category, confidence, needs_review, reg15_grounds, trigger, completed_at)
  SELECT gen_random_uuid(), id, '2.1.0+seeded00', triage_category, 0.9, false, '[]'::jsonb, 'intake', received_at + interval '1 minute' FROM cases
  UNION ALL
  SELECT gen_random_uuid(), id, '2.0.0+seeded00', ${CATEGORY}[1 + h % 5], 0.7, false, '[]'::jsonb, 'intake', received_at + interval '10 seconds' FROM cases WHERE h % 3 = 0
), steps AS (
  INSERT INTO triage_step_results (id, complaint_id, step, ruleset_version, verdict, evidence, completed_at)
  SELECT gen_random_uuid(), id, 'repetition', '2.1.0+seeded00', CASE WHEN h % 50 = 0 THEN 'repetitious' ELSE 'none' END, '[]', received_at + interval '1 minute'
    FROM cases WHERE h % 10 = 0
), actions AS (
  INSERT INTO case_actions (id, complaint_id, kind, notes, from_status, to_status, recorded_by, recorded_at)
  SELECT gen_random_uuid(), c.id, ${DECISION}, 'seeded', 'triaged', c.status, $3::uuid, least(now(), c.received_at + (c.h % 20) * interval '1 day')
    FROM cases c WHERE c.status NOT IN ('triaged')
  UNION ALL
  SELECT gen_random_uuid(), id, 'informal_resolution_concluded', 'seeded', 'informal_resolution', 'outcome_recorded', $3::uuid, least(now(), received_at + (10 + h % 60) * interval '1 day')
    FROM cases WHERE status = 'outcome_recorded'
)
INSERT INTO classification_overrides (id, complaint_id, from_category, to_category, triage_category, ruleset_version, reason, state, requested_by, requested_at, decided_at)
SELECT gen_random_uuid(), id, triage_category, category, triage_category, '2.1.0+seeded00', 'seeded', 'applied', $3::uuid, received_at + interval '2 days', received_at + interval '2 days'
  FROM cases WHERE triage_category <> category`;
