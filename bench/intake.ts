import autocannon from 'autocannon';
import { complaintJson } from './complaints.js';
import { startCpuMeter } from './cpu.js';

/** Where the CPU of a run is counted: the API's processes, and (when apart) the workers'. */
export interface CpuSources {
  /** CPU ms so far of the processes that answer HTTP */
  api: () => number;
  /** CPU ms so far of the queue workers, when they can be told apart from the API's */
  workers?: () => number;
}

export interface IntakeResult {
  requests: number;
  connections: number;
  /** accepted (2xx) a second, wall clock */
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU of the processes answering HTTP (every cluster worker) per request, ms */
  apiCpuMsPerRequest: number;
  /** CPU of the queue workers over the same time, per request, ms (when counted apart) */
  workerCpuMsPerRequest?: number;
  postgresCpuMsPerRequest: number;
  redisCpuMsPerRequest: number;
  /** busy share of the machine's cores over the run (everything on it, other people's work included) */
  machineBusy: number;
}

/**
 * POSTs `requests` complaints over `connections` connections as fast as they are answered, each from its own
 * complainant, and measures from this (separate) process the CPU the app spent on them: /proc's utime + stime before
 * and after, so it counts however many cluster processes answer.
 * `length`: characters of each complaint's details (about that; by default the realistic mix).
 */
export async function measureIntake(baseUrl: string, cpu: CpuSources, options: { requests: number; connections: number; start: number; length?: number }): Promise<IntakeResult> {
  const bodies = Array.from({ length: options.requests + options.connections * 2 }, (_, i) => complaintJson(options.start + i, options.length));
  let next = 0;
  const spent = startCpuMeter([]);
  const apiBefore = cpu.api();
  const workersBefore = cpu.workers?.();
  const result = await autocannon({
    url: `${baseUrl}/api/complaints`,
    connections: options.connections,
    amount: options.requests,
    timeout: 30,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: bodies[next++] ?? complaintJson(options.start + next) }) }],
  });
  const services = spent();
  const per = (ms: number) => Math.round((ms / Math.max(1, result.requests.total)) * 1000) / 1000;
  return {
    requests: result.requests.total,
    connections: options.connections,
    perSecond: Math.round(result['2xx'] / (result.duration || 1)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    apiCpuMsPerRequest: per(cpu.api() - apiBefore),
    ...(workersBefore !== undefined ? { workerCpuMsPerRequest: per(cpu.workers!() - workersBefore) } : {}),
    postgresCpuMsPerRequest: per(services.postgresMs),
    redisCpuMsPerRequest: per(services.redisMs),
    machineBusy: services.machineBusy,
  };
}

export interface RateResult {
  rate: number;
  seconds: number;
  sent: number;
  accepted: number;
  errors: number;
}

/** Complaints of the realistic mix at a steady `rate` a second for `seconds`, each from its own complainant. */
export async function submitAtRate(baseUrl: string, options: { rate: number; seconds: number; connections: number; start: number }): Promise<RateResult> {
  let n = options.start;
  const result = await autocannon({
    url: `${baseUrl}/api/complaints`,
    connections: options.connections,
    duration: options.seconds,
    overallRate: options.rate,
    timeout: 30,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: complaintJson(n++) }) }],
  });
  return { rate: options.rate, seconds: options.seconds, sent: result.requests.total, accepted: result['2xx'], errors: result.errors + result.timeouts + result.non2xx };
}
