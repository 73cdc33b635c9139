import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './redis-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The built application (`npm run build`, which `npm test` runs first) in a process of its own, so a test can kill it,
 * send it SIGTERM, or read everything it logs.
 */
export class AppProcess {
  output = '';
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  private constructor(
    readonly entry: 'main' | 'worker',
    readonly env: Record<string, string>,
    readonly port: number,
  ) {}

  static async start(entry: 'main' | 'worker', env: Record<string, string>, args: string[] = []): Promise<AppProcess> {
    const port = entry === 'main' ? await freePort() : 0;
    const app = new AppProcess(entry, env, port);
    await app.launch(args);
    return app;
  }

  /** The process this started (with API_PROCESSES above 1, the cluster's primary). */
  get pid(): number {
    return this.child!.pid!;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private async launch(args: string[]): Promise<void> {
    this.child = spawn(process.execPath, [`dist/src/${this.entry}.js`, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
    const child = this.child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await this.waitUntilReady();
  }

  /** Generous: a busy machine can take most of a minute to start a cluster. */
  private async waitUntilReady(timeoutMs = 120_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.child?.exitCode !== null) throw new Error(`${this.entry} exited at start:\n${this.output.slice(-2000)}`);
      if (this.entry === 'worker' ? this.output.includes('triage worker ready') : await this.healthy()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.entry} not ready in ${timeoutMs} ms:\n${this.output.slice(-2000)}`);
  }

  private async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.baseUrl}/health`)).ok;
    } catch {
      return false;
    }
  }

  /** Sends a signal and resolves with the exit code (null when killed by the signal). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited!;
  }
}
