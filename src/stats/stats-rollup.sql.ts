import { MEASURE as M } from './stats-measures.js';

/** A London day as the instants it spans, for a range scan of complaints_received_idx. */
const RECEIVED_ON_DAY = `c.received_at >= d.day::timestamp AT TIME ZONE 'Europe/London'
     AND c.received_at < (d.day + 1)::timestamp AT TIME ZONE 'Europe/London'`;

const londonDate = (column: string) => `(${column} AT TIME ZONE 'Europe/London')::date`;
const londonDateText = (column: string) => `to_char(${column} AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')`;

/**
 * Builds the summary rows of the days in $1 (date[]) from the cases received on them. $2: decision kinds
 * (text[]), $3: kinds that stop a deadline (text[]). Reads no personal data: no names, addresses or free text, so
 * erasing it changes nothing here but the count of erased cases.
 *
 * Every look-up from a case to its deadlines, actions, overrides and triage runs is a LATERAL subquery that cannot
 * be flattened (LIMIT, OFFSET 0), so it is an index probe per case: the cost grows with the cases of the days being
 * built, never with the size of the tables (a hash join over all deadlines was the planner's choice otherwise).
 */
export const BUILD_DAYS = `
WITH days AS (SELECT DISTINCT unnest($1::date[]) AS day),
received AS MATERIALIZED (
  SELECT c.id, d.day, c.status, c.category, c.triage_category, c.channel, c.subject_role, c.next_due_at
    FROM days d JOIN complaints c ON ${RECEIVED_ON_DAY}
),
c AS MATERIALIZED (
  SELECT c.*, (overridden.yes IS NOT NULL OR decided.yes IS NOT NULL) AS reviewed, repetition.verdict AS repeat_verdict
    FROM received c
    LEFT JOIN LATERAL (SELECT true AS yes FROM classification_overrides o WHERE o.complaint_id = c.id AND o.state = 'applied' LIMIT 1) overridden ON true
    LEFT JOIN LATERAL (SELECT true AS yes FROM case_actions a WHERE a.complaint_id = c.id AND a.kind = ANY($2::text[]) LIMIT 1) decided ON true
    LEFT JOIN LATERAL (
      SELECT s.verdict FROM (SELECT r.ruleset_version FROM triage_runs r WHERE r.complaint_id = c.id ORDER BY r.completed_at DESC LIMIT 1) latest
        JOIN triage_step_results s ON s.complaint_id = c.id AND s.ruleset_version = latest.ruleset_version AND s.step = 'repetition'
    ) repetition ON true
),
dl AS MATERIALIZED (
  SELECT c.day, d.kind, d.start_at, d.due_at, d.met_at,
         CASE WHEN d.met_at IS NULL THEN 'open'
              WHEN d.met_by = ANY($3::text[]) THEN 'stopped'
              WHEN d.met_at <= d.due_at THEN 'met'
              ELSE 'met_late' END AS state
    FROM c JOIN LATERAL (SELECT * FROM deadlines d WHERE d.complaint_id = c.id OFFSET 0) d ON true
)
INSERT INTO stats_daily (day, measure, k1, k2, k3, n)
SELECT day, '${M.cases}', '', '', '', count(*) FROM c GROUP BY day
UNION ALL
SELECT day, '${M.status}', status, '', '', count(*) FROM c GROUP BY day, status
UNION ALL
SELECT day, '${M.category}', category, '', '', count(*) FROM c WHERE category IS NOT NULL GROUP BY day, category
UNION ALL
SELECT day, '${M.triageCategory}', triage_category, '', '', count(*) FROM c WHERE triage_category IS NOT NULL GROUP BY day, triage_category
UNION ALL
SELECT day, '${M.channel}', channel, '', '', count(*) FROM c GROUP BY day, channel
UNION ALL
SELECT day, '${M.subjectRole}', subject_role, '', '', count(*) FROM c GROUP BY day, subject_role
UNION ALL
SELECT day, '${M.nextDue}', ${londonDateText('next_due_at')}, '', '', count(*) FROM c WHERE next_due_at IS NOT NULL GROUP BY 1, 3
UNION ALL
SELECT c.day, '${M.outcome}', a.kind, '', '', count(*)
  FROM c JOIN LATERAL (SELECT DISTINCT a.kind FROM case_actions a WHERE a.complaint_id = c.id) a ON true
 GROUP BY 1, 3
UNION ALL
SELECT day, '${M.repeat}', repeat_verdict, '', '', count(*) FROM c WHERE repeat_verdict <> 'none' GROUP BY 1, 3
UNION ALL
SELECT day, '${M.deadline}', kind, state, CASE WHEN state = 'open' THEN ${londonDateText('due_at')} ELSE '' END, count(*) FROM dl GROUP BY 1, 3, 4, 5
UNION ALL
SELECT dl.day, '${M.deadlineDays}', dl.kind, (met.ordinal - started.ordinal)::text, '', count(*)
  FROM dl
  JOIN stats_working_days started ON started.day = ${londonDate('dl.start_at')}
  JOIN stats_working_days met ON met.day = ${londonDate('dl.met_at')}
 WHERE dl.state IN ('met', 'met_late')
 GROUP BY 1, 3, 4
UNION ALL
SELECT c.day, '${M.agreement}', r.ruleset_version, r.category, CASE WHEN c.reviewed THEN coalesce(c.category, '') ELSE '' END, count(*)
  FROM c JOIN LATERAL (SELECT r.ruleset_version, r.category FROM triage_runs r WHERE r.complaint_id = c.id OFFSET 0) r ON true
 GROUP BY 1, 3, 4, 5
UNION ALL
SELECT c.day, '${M.override}', coalesce(o.ruleset_version, 'none'), o.state, '', count(*)
  FROM c JOIN LATERAL (SELECT o.ruleset_version, o.state FROM classification_overrides o WHERE o.complaint_id = c.id OFFSET 0) o ON true
 GROUP BY 1, 3, 4
UNION ALL
SELECT c.day, '${M.erased}', e.trigger, '', '', count(*)
  FROM c JOIN LATERAL (SELECT e.trigger FROM personal_data_erasures e WHERE e.complaint_id = c.id ORDER BY e.erased_at LIMIT 1) e ON true
 GROUP BY 1, 3`;

/** Every London day on which a case was received. */
export const ALL_DAYS = `SELECT DISTINCT ${londonDate('received_at')} AS day FROM complaints`;

/** Days of receipt of the cases named by case-log events waiting to be chained. */
export const QUEUED_EVENT_DAYS = `SELECT DISTINCT ${londonDate('c.received_at')} AS day
  FROM case_event_queue q JOIN complaints c ON c.reference = q.reference`;

/** Days of receipt of the cases named by chained events with $1 < sequence <= $2. */
export const CHAINED_EVENT_DAYS = `SELECT DISTINCT ${londonDate('c.received_at')} AS day
  FROM case_events e JOIN complaints c ON c.reference = e.reference
 WHERE e.sequence > $1 AND e.sequence <= $2`;

/** Re-sums the months in $1 (date[], first days) from their days. */
export const BUILD_MONTHS = `
INSERT INTO stats_monthly (month, measure, k1, k2, k3, n)
SELECT m.month, d.measure, d.k1, d.k2, d.k3, sum(d.n)
  FROM unnest($1::date[]) AS m(month)
  JOIN stats_daily d ON d.day >= m.month AND d.day < (m.month + interval '1 month')::date
 GROUP BY 1, 2, 3, 4, 5`;
