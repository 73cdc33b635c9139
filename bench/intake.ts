import autocannon from 'autocannon';
import { complaintJson } from './complaints.js';
import { startCpuMeter } from './cpu.js';

export interface IntakeResult {
  requests: number;
  connections: number;
  /** accepted (201) a second, wall clock */
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU of the API's processes (all cluster workers, and the workers when they share the process) per request, ms */
  apiCpuMsPerRequest: number;
  /** of which in the kernel */
  apiSystemMsPerRequest: number;
  postgresCpuMsPerRequest: number;
  redisCpuMsPerRequest: number;
  /** busy share of the machine's cores over the run (everything on it, other people's work included) */
  machineBusy: number;
}

/**
 * POSTs `requests` complaints over `connections` connections as fast as they are answered, each from its own
 * complainant, and measures from this (separate) process the CPU the API's process tree spent on them: /proc's
 * utime + stime before and after, so it holds however many cluster workers answer.
 * `length`: characters of each complaint's details (about that; the default is the realistic mix).
 */
export async function measureIntake(baseUrl: string, apiPids: number[], options: { requests: number; connections: number; start: number; length?: number }): Promise<IntakeResult> {
  let n = options.start;
  const bodies = Array.from({ length: options.requests + options.connections * 2 }, (_, i) => complaintJson(options.start + i, options.length));
  const spent = startCpuMeter(apiPids);
  const result = await autocannon({
    url: `${baseUrl}/api/complaints`,
    connections: options.connections,
    amount: options.requests,
    timeout: 30,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: bodies[n++ - options.start] ?? complaintJson(n) }) }],
  });
  const cpu = spent();
  const per = (ms: number) => Math.round((ms / result.requests.total) * 1000) / 1000;
  return {
    requests: result.requests.total,
    connections: options.connections,
    perSecond: Math.round(result['2xx'] / (result.duration || 1)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    apiCpuMsPerRequest: per(cpu.appMs),
    apiSystemMsPerRequest: per(cpu.appSystemMs),
    postgresCpuMsPerRequest: per(cpu.postgresMs),
    redisCpuMsPerRequest: per(cpu.redisMs),
    machineBusy: cpu.machineBusy,
  };
}
