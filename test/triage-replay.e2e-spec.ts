import { TriageReplayRunner } from '../src/triage/triage-replay-runner.service.js';
import { api, complaintBody, login, waitForTriage } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('replaying the current rule set over past complaints', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await login(t.baseUrl, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t.close();
  });

  /** A triaged case whose stored triage is made to look like an older rule set's, which decided `category`. */
  async function triagedByOldRules(category: string): Promise<{ reference: string; current: string }> {
    const { body } = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() });
    const triaged = await waitForTriage(t.baseUrl, token, body.reference);
    await t.db.query(
      `UPDATE triage_runs SET ruleset_version = '0.9.0+00000000', category = $2 WHERE complaint_id = (SELECT id FROM complaints WHERE reference = $1)`,
      [body.reference, category],
    );
    await t.db.query(`UPDATE complaints SET triage_category = $2, category = $2 WHERE reference = $1`, [body.reference, category]);
    return { reference: body.reference, current: triaged.triage.category };
  }


  it('reports what would change on a dry run and stores nothing; records new triages otherwise, keeping overrides in force', async () => {
    const changed = await triagedByOldRules('vexatious');
    const overridden = await triagedByOldRules('vexatious');
    await t.db.query(`UPDATE complaints SET override_category = 'political', category = 'political' WHERE reference = $1`, [overridden.reference]);
    const runner = t.app.get(TriageReplayRunner);

    const dry: string[] = [];
    await runner.run({ dryRun: true }, (line) => dry.push(line));
    expect(dry.join('\n')).toContain('2 of 2 would change category');
    expect(dry.join('\n')).toContain(`${changed.reference}: vexatious -> ${changed.current} (was 0.9.0+00000000)`);
    const [{ runs }] = await t.db.query(`SELECT count(*)::int AS runs FROM triage_runs`);
    expect(runs).toBe(2);

    const real: string[] = [];
    await runner.run({ since: new Date('2000-01-01') }, (line) => real.push(line));
    expect(real.join('\n')).toContain('2 new triages recorded');
    expect(real.join('\n')).toContain(`${overridden.reference}: vexatious -> ${overridden.current} (was 0.9.0+00000000) (officer's override to political stays in force)`);
    const after = (await api(t.baseUrl, 'GET', `/api/cases/${overridden.reference}`, { token })).body;
    expect(after).toMatchObject({ category: 'political', triageCategory: overridden.current });
    const [{ replays }] = await t.db.query(`SELECT count(*)::int AS replays FROM triage_runs WHERE trigger = 'replay'`);
    expect(replays).toBe(2);
  });

  it('retriages one case on an officer’s request, and changes nothing when the rules agree', async () => {
    const { reference, current } = await triagedByOldRules('political');
    const first = await api(t.baseUrl, 'POST', `/api/cases/${reference}/retriage`, { token });
    expect(first.body).toMatchObject({ reference, previousCategory: 'political', category: current, changed: true, recorded: true });
    const second = await api(t.baseUrl, 'POST', `/api/cases/${reference}/retriage`, { token });
    expect(second.body).toMatchObject({ changed: false, recorded: false });
    expect((await api(t.baseUrl, 'GET', `/api/cases/${reference}`, { token })).body.triage.steps).toHaveLength(9);
    expect((await api(t.baseUrl, 'POST', '/api/cases/PCC-NONE-NONE/retriage', { token })).status).toBe(404);
  });
});
