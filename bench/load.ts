import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const SUMMARIES = [
  'The commissioner did not reply to my three letters about the station closure',
  'I object to the rise in the police precept this year',
  'The commissioner was rude to me at the public meeting in the village hall',
  'An officer was rude to me when I reported a burglary',
  'The mayor mocked me on her official social media account',
  'The deputy commissioner did not declare his interest in the grant decision',
  'The council has not collected the bins in my street for three weeks',
  'The commissioner has claimed expenses for trips that never took place',
];

/** A different, plausible complaint for each request, from a different person. */
export function complaint(n: number): string {
  const summary = SUMMARIES[n % SUMMARIES.length];
  return JSON.stringify({
    complainant: { name: `Bench Person ${n}`, email: `bench.person.${n}@example.org` },
    subject: { role: n % 3 === 0 ? 'mayor' : 'pcc' },
    summary,
    details: `${summary}. I raised this on ${1 + (n % 28)} October and again the following week, and I would like the panel to look into it. Reference number ${n}.`,
  });
}

function summarise(result: autocannon.Result): LoadResult {
  return {
    requests: result.requests.total,
    perSecond: Math.round(result.requests.total / (result.duration || 1)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** POSTs complaints: for `seconds`, or `amount` of them; at full speed or at `rate` a second. */
export async function submitComplaints(baseUrl: string, options: { connections: number; seconds?: number; amount?: number; rate?: number; start?: number }): Promise<LoadResult> {
  let n = options.start ?? 0;
  const result = await autocannon({
    url: `${baseUrl}/api/complaints`,
    connections: options.connections,
    ...(options.seconds ? { duration: options.seconds } : {}),
    ...(options.amount ? { amount: options.amount } : {}),
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: complaint(n++) }) }],
  });
  return summarise(result);
}

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** GETs one path `count` times, one after another as an officer would, and reports exact percentiles (ms). */
export async function timeRequests(baseUrl: string, path: string, token: string, count = 200): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { count, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1)!) };
}
