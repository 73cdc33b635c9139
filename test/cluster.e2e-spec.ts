import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { AppProcess } from './helpers/app-process.js';
import { complaintBody } from './helpers/http.js';
import { deleteRedisKeys } from './helpers/test-app.js';
import { createTestDatabase, dropTestDatabase, testDatabaseName } from './helpers/test-database.js';

jest.setTimeout(180_000);

/** The processes a process started (/proc: Linux). */
const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** POSTs a complaint on a connection of its own (no keep-alive), so the cluster's primary hands each to the next process. */
const submitOnNewConnection = (baseUrl: string) =>
  new Promise<number>((resolve, reject) => {
    const body = JSON.stringify(complaintBody());
    const sent = request(`${baseUrl}/api/complaints`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    sent.on('error', reject);
    sent.end(body);
  });

describe('several API processes (node:cluster)', () => {
  let database: string;
  let app: AppProcess;

  beforeAll(async () => {
    database = testDatabaseName(`cluster_${randomBytes(4).toString('hex')}`);
    const url = await createTestDatabase(database);
    app = await AppProcess.start('main', {
      NODE_ENV: 'test', DATABASE_URL: url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `cluster_${database.slice(-8)}`,
      ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'test-admin-password-1', INTAKE_RATE_LIMIT: '4', LOGIN_RATE_LIMIT: '0', API_PROCESSES: '2',
    }, ['--with-worker']);
    for (let i = 0; i < 1200 && !app.output.includes('2 API processes listening'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  });

  afterAll(async () => {
    await app.stop('SIGKILL');
    await dropTestDatabase(database);
    await deleteRedisKeys({ REDIS_URL: app.env.REDIS_URL, QUEUE_PREFIX: app.env.QUEUE_PREFIX });
  });

  it('starts two API processes under the primary, which runs the workers', () => {
    expect(app.output).toContain('2 API processes listening, the workers running in the primary');
    expect(childrenOf(app.pid)).toHaveLength(2);
  });

  it('shares the intake rate limit across the processes through Redis', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await submitOnNewConnection(app.baseUrl));
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });

  it('starts another API process when one dies, and keeps answering', async () => {
    const [victim] = childrenOf(app.pid);
    process.kill(victim, 'SIGKILL');
    for (let i = 0; i < 200 && !(childrenOf(app.pid).length === 2 && !childrenOf(app.pid).includes(victim)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(childrenOf(app.pid)).toHaveLength(2);
    expect(childrenOf(app.pid)).not.toContain(victim);
    expect((await fetch(`${app.baseUrl}/health`)).status).toBe(200);
  });

  it('drains every API process on SIGTERM and exits 0', async () => {
    const children = childrenOf(app.pid);
    expect(await app.stop('SIGTERM')).toBe(0);
    expect(children.filter(alive)).toEqual([]);
    expect(app.output).toContain('SIGTERM: asking 2 API processes to drain');
  });
});
