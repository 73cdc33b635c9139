import { api, login } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

interface Operation {
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  'x-roles'?: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_SCHEMA = '#/components/schemas/ErrorResponseDto';
const ROLES = ['anyone', 'officer', 'auditor', 'admin'];

/** Every operation in the document as "METHOD /path" with its description, so that routes added later are walked too. */
function operationsOf(doc: { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> }): Array<{ name: string; method: string; path: string; op: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ name: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, op: item[method]! })),
  );
}

/** What a reader (or a generated client) needs of one operation, as a list of what is missing. */
function whatIsMissing(op: Operation): string[] {
  const missing: string[] = [];
  const roles = op['x-roles'];
  const codes = Object.keys(op.responses ?? {});
  const errors = codes.filter((code) => Number(code) >= 400 && Number(code) < 500);
  const is = (code: number) => codes.includes(String(code));
  // The document opens each description with who may call it; the operation's own words must follow.
  const [who, ...own] = (op.description ?? '').split('\n\n');
  if (!op.summary?.trim()) missing.push('a summary');
  if (!own.join('').trim()) missing.push('a description of its own');
  if (!roles?.length || roles.some((role) => !ROLES.includes(role))) missing.push('x-roles naming who may call it');
  else if (!who.startsWith('**Who:**')) missing.push('who may call it in the description');
  if (roles && !roles.includes('anyone')) {
    if (!roles.includes('admin')) missing.push('admin in x-roles (admins may call everything)');
    if (!is(401)) missing.push('a 401 response');
    if (!is(403)) missing.push('a 403 response');
    if (op.security?.length !== 1) missing.push('the bearer token named once in security');
  }
  const takesInput = op.requestBody !== undefined || (op.parameters ?? []).some((p) => p.in === 'query');
  if (takesInput && !is(400)) missing.push('a 400 response (it takes a body or query)');
  if ((op.parameters ?? []).some((p) => p.in === 'path') && !is(404) && !is(400)) missing.push('a 404 or 400 response (it takes a path parameter)');
  if (errors.length === 0 && !is(503)) missing.push('any error response');
  for (const code of errors) {
    if (op.responses[code].content?.['application/json']?.schema?.$ref !== ERROR_SCHEMA) missing.push(`the error schema on ${code}`);
  }
  const success = codes.filter((code) => code.startsWith('2'));
  if (success.length === 0) missing.push('a 2xx response');
  for (const code of success.filter((c) => c !== '204')) {
    const content = Object.values(op.responses[code].content ?? {});
    if (content.length === 0 || content.some((c) => !c.schema)) missing.push(`a schema for ${code}`);
  }
  return missing;
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: any;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({}, { api: true, worker: false });
    doc = (await api(t.baseUrl, 'GET', '/api/docs-json')).body;
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    for (const role of ['officer', 'auditor']) {
      await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: `${role}.docs@example.org`, password: 'a-long-password-1', role } });
      tokens[role] = await login(t.baseUrl, `${role}.docs@example.org`, 'a-long-password-1');
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('names each header once, the optional Idempotency-Key as optional', () => {
    const parameters = doc.paths['/api/complaints'].post.parameters as Array<{ name: string; in: string; required?: boolean }>;
    const headers = parameters.filter((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
    expect(headers).toEqual([expect.objectContaining({ required: false })]);
  });

  it('describes the staff workspace’s operations', () => {
    for (const path of ['/api/cases/{reference}/notes', '/api/cases/{reference}/letters', '/api/cases/{reference}/letters/{id}/pdf', '/api/users/{id}/password']) {
      expect(doc.paths[path]).toBeDefined();
    }
  });

  it('gives every operation a summary, who may call it, its errors in the one error shape and a schema for each 2xx', () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(30);
    const gaps = operations.map(({ name, op }) => ({ name, missing: whatIsMissing(op) })).filter((o) => o.missing.length > 0);
    expect(gaps).toEqual([]);
    expect(doc.components.schemas.ErrorResponseDto).toMatchObject({ required: expect.arrayContaining(['statusCode', 'message', 'error']) });
  });

  it('finds what is missing from an operation (the check above can fail)', () => {
    expect(whatIsMissing({ responses: { '200': {} }, parameters: [{ name: 'q', in: 'query' }], description: '**Who:** officer or admin.', 'x-roles': ['officer', 'admin'] })).toEqual([
      'a summary',
      'a description of its own',
      'a 401 response',
      'a 403 response',
      'the bearer token named once in security',
      'a 400 response (it takes a body or query)',
      'any error response',
      'a schema for 200',
    ]);
  });

  it('says who may call each operation as the guard decides it: others are refused before anything runs', async () => {
    const wrong: string[] = [];
    for (const { name, method, path, op } of operationsOf(doc)) {
      const roles = op['x-roles'] ?? [];
      if (roles.includes('anyone')) continue;
      // Any value will do: the guard answers before a parameter is read or a body parsed.
      const url = path.replace(/\{[^}]+\}/g, (p) => (p === '{reference}' ? 'PCC-0000-0000' : '00000000-0000-4000-8000-000000000000'));
      const anonymous = await api(t.baseUrl, method, url, method === 'GET' ? {} : { body: {} });
      if (anonymous.status !== 401) wrong.push(`${name} without signing in: ${anonymous.status}`);
      for (const role of ['officer', 'auditor'].filter((r) => !roles.includes(r))) {
        const refused = await api(t.baseUrl, method, url, { token: tokens[role], ...(method === 'GET' ? {} : { body: {} }) });
        if (refused.status !== 403) wrong.push(`${name} as ${role}: ${refused.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('serves the document as a page at /api/docs', async () => {
    const page = await fetch(`${t.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
  });
});
