import { api, complaintBody, FormBrowser, login, waitForTriage } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('the case queue: blank filters, one search box, sort, assignee, possible offences, my work', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let officerId: string;
  const refs: Record<string, string> = {};

  const list = async (query: string, token = officer) => {
    const response = await api(t.baseUrl, 'GET', `/api/cases?${query}`, { token });
    expect(response.status).toBe(200);
    return (response.body.items as Array<{ reference: string; nextDueKind: string | null; receivedAt: string }>);
  };
  const references = async (query: string) => (await list(query)).map((c) => c.reference);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    officerId = (await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: 'queue.officer@example.org', password: 'a-long-password-1', role: 'officer' } })).body.id;
    officer = await login(t.baseUrl, 'queue.officer@example.org', 'a-long-password-1');
    const people = [
      ['rhiannon', { name: 'Rhiannon Price', email: 'rhiannon.price@example.org' }, 'The commissioner ignored my letters about the ferry'],
      ['owen', { name: "Owen O'Brien-Pike", email: 'o.pike@mail.example.net' }, 'The commissioner shouted at a parish meeting'],
      ['keyed', { name: 'Ceri Lloyd', email: 'ceri.lloyd@example.org' }, 'The commissioner mocked my question about lanterns'],
    ] as const;
    for (const [key, complainant, summary] of people) {
      const body = { ...complaintBody({ summary }), complainant };
      const created = key === 'keyed'
        ? await api(t.baseUrl, 'POST', '/api/cases', { token: officer, body: { ...body, receivedAt: '2026-01-05T10:00:00Z', channel: 'letter' } })
        : await api(t.baseUrl, 'POST', '/api/complaints', { body });
      refs[key] = created.body.reference;
      await waitForTriage(t.baseUrl, officer, refs[key]);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('reads every empty parameter as "any", as the filter form sends them', async () => {
    const all = await references('pageSize=200');
    expect(all).toHaveLength(3);
    expect(await references('category=&status=&assignee=&q=&sort=&overdue=&review=&possibleOffence=&page=&pageSize=')).toEqual(all.slice(0, 25));
    const refused = await api(t.baseUrl, 'GET', '/api/cases?status=lost&page=0', { token: officer });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^status must be one of/), 'page must be 1 or more']));
  });

  it('finds a case by its reference with or without dashes, in any case, with O typed for zero', async () => {
    const reference = refs.rhiannon;
    const bare = reference.replace(/-/g, '');
    for (const typed of [reference, reference.toLowerCase(), bare, bare.toLowerCase(), ` ${reference.replace(/0/g, 'O')} `, reference.slice(0, 8)]) {
      expect({ typed, found: await references(`q=${encodeURIComponent(typed)}`) }).toEqual({ typed, found: expect.arrayContaining([reference]) });
    }
    expect(await references(`q=${encodeURIComponent(reference)}`)).toEqual([reference]);
  });

  it("finds a case by the complainant's name or email, and by the words of the complaint", async () => {
    expect(await references('q=rhiannon')).toEqual([refs.rhiannon]);
    expect(await references('q=Price%20Rhian')).toEqual([refs.rhiannon]);
    expect(await references('q=RHIANNON.PRICE%40EXAMPLE.ORG')).toEqual([refs.rhiannon]);
    expect(await references('q=o.pike')).toEqual([refs.owen]);
    expect(await references(`q=${encodeURIComponent("O'Brien")}`)).toEqual([refs.owen]);
    expect(await references('q=lanterns')).toEqual([refs.keyed]);
    expect(await references('q=ferries')).toEqual([refs.rhiannon]); // words stemmed: ferry, ferries
    expect(await references('q=nobody%20by%20this%20name')).toEqual([]);
  });

  it('sorts by deadline, oldest or newest, and says which deadline is next', async () => {
    const newest = await list('sort=-received');
    const oldest = await list('sort=received');
    expect(oldest.map((c) => c.reference)).toEqual([...newest].reverse().map((c) => c.reference));
    expect(oldest[0].reference).toBe(refs.keyed); // keyed in as received in January
    expect(newest[0].nextDueKind).toMatch(/acknowledgement|recording_decision|iopc_referral|triage_review/);
  });

  it('filters by a named officer and by possible offence', async () => {
    await api(t.baseUrl, 'POST', `/api/cases/${refs.owen}/assignment`, { token: officer, body: { assigneeId: officerId } });
    expect(await references(`assignee=${officerId}`)).toEqual([refs.owen]);
    expect(await references('assignee=me')).toEqual([refs.owen]);
    expect((await references('assignee=none')).sort()).toEqual([refs.rhiannon, refs.keyed].sort());
    await t.db.query(`UPDATE complaints SET possible_offence = true WHERE reference = $1`, [refs.keyed]);
    const flagged = (await api(t.baseUrl, 'GET', '/api/cases?possibleOffence=true', { token: officer })).body.items as Array<{ reference: string; possibleOffence: boolean }>;
    expect(flagged.map((c) => c.reference)).toContain(refs.keyed);
    expect(flagged.every((c) => c.possibleOffence)).toBe(true);
    expect(await references('possibleOffence=false')).not.toContain(refs.keyed);
  });

  it('keeps the queue form working in the browser: blank fields, a typed reference, sort and paging in the address', async () => {
    const browser = new FormBrowser(t.baseUrl);
    const loginPage = await browser.get('/login');
    await browser.post('/login', { _csrf: browser.csrfOf(loginPage.html), email: 'queue.officer@example.org', password: 'a-long-password-1', next: '/cases' });
    const blank = await browser.get('/cases?q=&category=&status=&assignee=&sort=due');
    expect(blank.status).toBe(200);
    expect(blank.html).toContain('3 cases');
    const typed = await browser.get(`/cases?q=${refs.owen.toLowerCase().replace(/-/g, '')}&category=&status=&assignee=&sort=due`);
    expect(typed.html).toContain(`href="/cases/${refs.owen}"`);
    expect(typed.html).toContain('1 case found');
    const work = await browser.get('/my-work');
    expect(work.status).toBe(200);
    expect(work.html).toContain('My work');
  });

  // last: it adds a case and erases it
  it('finds a case by its words once triage has changed its status, and not by them once it is erased', async () => {
    const body = complaintBody({ summary: 'A heron took the commissioner’s umbrella', details: 'The heron flew off over the marshes with it.' });
    const { reference } = (await api(t.baseUrl, 'POST', '/api/complaints', { body })).body as { reference: string };
    const triaged = await waitForTriage(t.baseUrl, officer, reference);
    expect(triaged.status).not.toBe('received');
    expect(await references('q=herons%20marsh')).toEqual([reference]);

    const erased = await api(t.baseUrl, 'POST', `/api/cases/${reference}/erasure`, { token: admin, body: { reason: 'Retention period over' } });
    expect(erased.status).toBe(200);
    expect(erased.body.erased[0].removed).toMatchObject({ complaints: 1, complaint_search_documents: 1 });
    expect(await references('q=heron')).toEqual([]);
    expect(await references('q=marshes')).toEqual([]);
    expect(await references('q=erased')).toEqual([reference]); // its document is the erased words, as its summary
  });
});
