import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Node's own flags in package.json's start scripts (the young generation's size), so a bench runs what `npm start` does. */
export function startScriptNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  return /^node((?:\s+--\S+)*)\s+dist\//.exec(scripts.start)?.[1].trim().split(/\s+/).filter(Boolean) ?? [];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Running {
  child: ChildProcess;
  baseUrl: string;
  /** the end of what it has logged */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built app in a child process: `main` is the API (no workers), `worker` the workers alone; `args` e.g.
 * `--with-worker` (what `npm start` runs), `nodeArgs` e.g. `--cpu-prof`; ready when /health answers (the API) and
 * `readyText` has been logged.
 */
export async function startProcess(entry: 'main' | 'worker', env: Record<string, string>, options: { args?: string[]; nodeArgs?: string[]; cwd?: string; readyText?: string } = {}): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [...startScriptNodeFlags(), ...(options.nodeArgs ?? []), `dist/src/${entry}.js`, ...(options.args ?? [])], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: options.cwd,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-65_536))); // a tail: enough to see it start
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  for (let i = 0; i < 1800; i++) { // up to three minutes: a cluster starts slowly on a busy machine
    if (child.exitCode !== null) throw new Error(`${entry} exited at start`);
    const logged = options.readyText ? output.includes(options.readyText) : true;
    const ready = entry === 'main' ? logged && (await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false)) : output.includes('triage worker ready') || i > 30;
    if (ready) return { child, baseUrl, stop, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${entry} did not start`);
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
