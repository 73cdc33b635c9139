import { api } from './helpers/http.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('the OpenAPI document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { api: true, worker: false });
  });

  afterAll(async () => {
    await t.close();
  });

  it('names each header once, the optional Idempotency-Key as optional', async () => {
    const doc = (await api(t.baseUrl, 'GET', '/api/docs-json')).body;
    const parameters = doc.paths['/api/complaints'].post.parameters as Array<{ name: string; in: string; required?: boolean }>;
    const headers = parameters.filter((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
    expect(headers).toEqual([expect.objectContaining({ required: false })]);
  });

  it('describes the staff workspace’s operations', async () => {
    const doc = (await api(t.baseUrl, 'GET', '/api/docs-json')).body;
    for (const path of ['/api/cases/{reference}/notes', '/api/cases/{reference}/letters', '/api/cases/{reference}/letters/{id}/pdf', '/api/users/{id}/password']) {
      expect(doc.paths[path]).toBeDefined();
    }
  });
});
