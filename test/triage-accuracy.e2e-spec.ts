import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { api, login, waitForTriage } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Runs labelled complaints through the real pipeline (API, queued rule steps, Postgres trigram similarity for
 * repetition) and checks the categories: at least 95% right and every criminal case caught, for each set.
 * The project's own cases always run; the shared examples run whenever ../shared/examples/complaints.json exists.
 */

interface LabelledCase {
  id: string;
  category: string;
  route: string | null;
  tricky: boolean;
  why: string;
  complaint: {
    complainant: { name: string; email: string; postalAddress?: string };
    subject: { role: string; name?: string };
    summary: string;
    details: string;
    incidentDate?: string;
  };
  history?: Array<{ summary: string; details: string; daysBefore: number }>;
}

interface Outcome {
  labelled: LabelledCase;
  possibleOffence: boolean;
  category: string | null;
  route: string | null;
  confidence: number | null;
}

const CATEGORIES = ['criminal', 'conduct', 'vexatious', 'political', 'non_policing'];
const MIN_ACCURACY = 0.95;
/** The issue's bar for complaints written by others. */
const MIN_HELD_OUT_ACCURACY = 0.9;
/** Routes of the model's redirects are read from the remit scores; on a dozen redirects one or two go astray. */
const MIN_ROUTE_ACCURACY = 0.8;
const PARALLEL = 16;
const projectRoot = new URL('../', import.meta.url);
const sharedExamples = new URL('../shared/examples/complaints.json', projectRoot);
const projectCases = new URL('fixtures/triage-cases.json', import.meta.url);

const readCases = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as LabelledCase[];

async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) results.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(work))));
  return results;
}

async function submit(t: TestApp, body: unknown): Promise<string> {
  const response = await api<{ reference: string }>(t.baseUrl, 'POST', '/api/complaints', { body });
  if (response.status !== 201) throw new Error(`intake refused a labelled complaint: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.reference;
}

/** Earlier complaints by the same person, received `daysBefore` days ago and already closed. */
async function insertHistory(t: TestApp, cases: LabelledCase[]): Promise<void> {
  const earlier = cases.flatMap((c) => (c.history ?? []).map((h) => ({ c, h })));
  await inBatches(earlier, async ({ c, h }) => {
    const reference = await submit(t, { complainant: c.complaint.complainant, subject: c.complaint.subject, summary: h.summary, details: h.details });
    await t.db.query(
      `UPDATE complaints SET received_at = now() - make_interval(days => $2), status = 'closed', updated_at = now() WHERE reference = $1`,
      [reference, h.daysBefore],
    );
  });
}

async function waitForAll(t: TestApp, references: string[], timeoutMs = 45_000 + 500 * references.length): Promise<Map<string, { category: string; findings: Record<string, unknown> }>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = (await t.db.query(
      `SELECT c.reference, c.triage_category AS category, r.findings
         FROM complaints c JOIN triage_step_results r ON r.complaint_id = c.id AND r.step = 'decide'
        WHERE c.reference = ANY($1) AND c.triage_category IS NOT NULL`,
      [references],
    )) as Array<{ reference: string; category: string; findings: Record<string, unknown> }>;
    if (rows.length === references.length || Date.now() > until) return new Map(rows.map((r) => [r.reference, r]));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function triageAll(t: TestApp, cases: LabelledCase[]): Promise<Outcome[]> {
  await insertHistory(t, cases);
  const references = await inBatches(cases, (c) => submit(t, c.complaint));
  const triaged = await waitForAll(t, references);
  return cases.map((labelled, i) => {
    const row = triaged.get(references[i]);
    return { labelled, possibleOffence: row?.findings.possibleOffence === true, category: row?.category ?? null, route: (row?.findings.route as string) ?? null, confidence: (row?.findings.confidence as number) ?? null };
  });
}

function report(name: string, outcomes: Outcome[]): { accuracy: number; missedCriminal: Outcome[]; routeAccuracy: number; routedCount: number } {
  const table = CATEGORIES.map((expected) => [
    expected,
    ...CATEGORIES.map((got) => outcomes.filter((o) => o.labelled.category === expected && o.category === got).length),
    outcomes.filter((o) => o.labelled.category === expected && !CATEGORIES.includes(o.category ?? '')).length,
  ]);
  const right = outcomes.filter((o) => o.category === o.labelled.category);
  const routed = outcomes.filter((o) => o.labelled.category === 'non_policing' && o.labelled.route);
  const routedRight = routed.filter((o) => o.category === 'non_policing' && o.route === o.labelled.route);
  const misses = outcomes.filter((o) => o.category !== o.labelled.category || (o.labelled.route && o.category === 'non_policing' && o.route !== o.labelled.route));
  const lines = [
    `${name}: ${right.length}/${outcomes.length} right (${((100 * right.length) / outcomes.length).toFixed(1)}%), routes ${routedRight.length}/${routed.length}`,
    `${'expected \\ got'.padEnd(16)}${[...CATEGORIES, 'none'].map((c) => c.padStart(13)).join('')}`,
    ...table.map(([expected, ...counts]) => `${String(expected).padEnd(16)}${counts.map((n) => String(n).padStart(13)).join('')}`),
    ...misses.map((o) => `  miss ${o.labelled.id}: expected ${o.labelled.category}${o.labelled.route ? `/${o.labelled.route}` : ''}, got ${o.category}${o.route ? `/${o.route}` : ''} (${o.labelled.why})`),
  ];
  console.log(lines.join('\n'));
  return {
    accuracy: right.length / outcomes.length,
    missedCriminal: outcomes.filter((o) => o.labelled.category === 'criminal' && o.category !== 'criminal' && !o.possibleOffence),
    routeAccuracy: routed.length ? routedRight.length / routed.length : 1,
    routedCount: routed.length,
  };
}

describe('triage accuracy through the real pipeline', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await login(t.baseUrl, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t.close();
  });

  const sets: Array<[string, URL, number]> = [['project cases (test/fixtures/triage-cases.json)', projectCases, MIN_ACCURACY]];
  if (existsSync(sharedExamples)) sets.push(['shared examples (../shared/examples/complaints.json)', sharedExamples, MIN_ACCURACY]);
  // complaints written for training, and blind batches once scored and moved in: the bar the held-out sets must meet
  for (const folder of ['written', 'blind']) {
    const dir = new URL(`fixtures/${folder}/`, import.meta.url);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) sets.push([`${folder}/${f}`, new URL(f, dir), MIN_HELD_OUT_ACCURACY]);
  }

  it.each(sets)('%s: accurate enough, every criminal case criminal or flagged', async (name, url, minimum) => {
    const outcomes = await triageAll(t, readCases(url));
    const { accuracy, missedCriminal, routeAccuracy, routedCount } = report(name, outcomes);
    expect(missedCriminal.map((o) => `${o.labelled.id} -> ${o.category}`)).toEqual([]);
    expect(accuracy).toBeGreaterThanOrEqual(minimum);
    // one wrong route in a handful is no measure: routes are checked on sets with at least ten redirects
    if (routedCount >= 10) expect(routeAccuracy).toBeGreaterThanOrEqual(MIN_ROUTE_ACCURACY);
  }, 300_000);

  it('makes the third copy of the same complaint vexatious, naming the first case and linking the open one', async () => {
    const body = {
      complainant: { name: 'Repeat Writer', email: `repeat.writer.${Date.now()}@example.net` },
      subject: { role: 'pcc' },
      summary: 'The Commissioner did not reply to my three letters about the closure of the Westfield station counter.',
      details: 'I wrote to the Commissioner in March, April and May about the closure of the Westfield counter and never had a reply.',
    };
    const first = await submit(t, body);
    await waitForTriage(t.baseUrl, token, first);
    const second = await submit(t, body);
    await waitForTriage(t.baseUrl, token, second);
    const third = await submit(t, body);
    const triaged = await waitForTriage(t.baseUrl, token, third);
    expect(triaged.category).toBe('vexatious');
    const repetition = triaged.triage.steps.find((s: { step: string }) => s.step === 'repetition');
    expect(repetition.verdict).toBe('repetitious');
    expect(repetition.evidence[0]).toContain(first);
    expect(repetition.evidenceDetail[0].meaning).toContain(`the first such complaint ${first}`);
    const decide = triaged.triage.steps.find((s: { step: string }) => s.step === 'decide');
    expect(decide.evidence.join(' ')).toContain(first);
    expect(decide.evidence.join(' ')).toContain(`linked to open case ${first}`);
  });

  it('flags a possible offence for review by the end of the next working day, and lists it first for review', async () => {
    const reference = await submit(t, {
      complainant: { name: 'Flag Writer', email: `flag.writer.${Date.now()}@example.net` },
      subject: { role: 'pcc', name: 'Alex Morgan' },
      summary: 'The Commissioner grabbed my phone at the meeting and kept it.',
      details: 'At the end of the public meeting Mr Morgan grabbed my phone out of my hand while I was filming and put it in his pocket. He has not given it back.',
    });
    const triaged = await waitForTriage(t.baseUrl, token, reference);
    expect(triaged.triage.possibleOffence).toBe(true);
    expect(triaged.triage.review.reasons).toContain('possible_offence');
    expect(Date.parse(triaged.triage.review.dueAt)).toBeGreaterThan(Date.now());
    expect(triaged.deadlines.map((d: { kind: string }) => d.kind)).toContain('triage_review');
    // the labelled sets above leave hundreds of cases awaiting review: find this one by its reference
    const found = await api<{ items: Array<{ reference: string }> }>(t.baseUrl, 'GET', `/api/cases?review=true&q=${reference}`, { token });
    expect(found.body.items.map((i) => i.reference)).toContain(reference);
    const queue = await api<{ items: Array<{ reference: string; possibleOffence: boolean }> }>(t.baseUrl, 'GET', '/api/cases?review=true&pageSize=200', { token });
    expect(queue.status).toBe(200);
    const flagged = queue.body.items.map((i) => i.possibleOffence);
    expect(flagged).toEqual([...flagged].sort((a, b) => Number(b) - Number(a)));

    expect((await api(t.baseUrl, 'POST', `/api/cases/${reference}/review/clearance`, { token, body: {} })).status).toBe(400);
    const cleared = await api(t.baseUrl, 'POST', `/api/cases/${reference}/review/clearance`, { token, body: { reason: 'Read it: referred to the IOPC today.' } });
    expect(cleared.status).toBe(200);
    const after = (await api<{ triage: { review: unknown; reviewCleared: { reason: string } } }>(t.baseUrl, 'GET', `/api/cases/${reference}`, { token })).body;
    expect(after.triage.review).toBeNull();
    expect(after.triage.reviewCleared.reason).toBe('Read it: referred to the IOPC today.');
    expect((await api(t.baseUrl, 'POST', `/api/cases/${reference}/review/clearance`, { token, body: { reason: 'again' } })).status).toBe(409);
    const history = await api<Array<{ type: string }>>(t.baseUrl, 'GET', `/api/cases/${reference}/history`, { token });
    expect(history.body.map((e) => e.type)).toContain('triage.review_cleared');
  });

  it.each([
    ['Welsh', 'Cwyn am y Comisiynydd', 'Mae’r Comisiynydd wedi gwrthod ateb fy llythyrau ers mis Mawrth ac nid yw hyn yn iawn. Rwy’n gofyn i’r panel edrych ar y mater hwn.', 'not_english'],
    ['only punctuation', '!!!', '?? ... !!! ---', 'empty'],
    ['only a link', 'see link', 'https://example.org/a/very/long/path?with=query&and=more', 'empty'],
  ])('does not guess at a complaint it cannot read (%s): a review, never a crash', async (_, summary, details, reason) => {
    const reference = await submit(t, { complainant: { name: 'Odd Writer', email: `odd.${reason}.${Date.now()}@example.net` }, subject: { role: 'pcc' }, summary, details });
    const triaged = await waitForTriage(t.baseUrl, token, reference);
    expect(triaged.triage.review.reasons).toContain(reason);
    expect(triaged.triage.confidence).toBe(0);
  });
});
