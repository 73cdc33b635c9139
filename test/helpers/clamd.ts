import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './redis-server.js';

/**
 * The EICAR anti-virus test file: harmless, and detected as a virus by design. Built here from two halves so the
 * repository itself holds no file a scanner on a developer's machine would quarantine.
 */
export const eicar = () => Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR' + '-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*', 'ascii');

/** Debian's clamd (package clamav-daemon), on a spare loopback port with a signature database built from EICAR alone. */
export class OwnClamd {
  private process?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'pcc-clamd-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnClamd> {
    const clamd = new OwnClamd(await freePort());
    clamd.prepare();
    await clamd.start();
    return clamd;
  }

  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** The test database: sigtool's SHA-256 signature of the EICAR file (an .hsb line), and clamd's configuration. */
  private prepare(): void {
    const sample = join(this.dir, 'eicar.com');
    writeFileSync(sample, eicar());
    const signature = execFileSync('sigtool', ['--sha256', sample], { encoding: 'utf8' }).trim().replace(/:[^:]*$/, ':Eicar-Test-Signature');
    execFileSync('mkdir', ['-p', join(this.dir, 'db')]);
    writeFileSync(join(this.dir, 'db', 'test.hsb'), `${signature}\n`);
    writeFileSync(
      join(this.dir, 'clamd.conf'),
      [`TCPSocket ${this.port}`, 'TCPAddr 127.0.0.1', `DatabaseDirectory ${join(this.dir, 'db')}`, 'Foreground yes', 'StreamMaxLength 25M', `PidFile ${join(this.dir, 'clamd.pid')}`, ''].join('\n'),
    );
  }

  async start(): Promise<void> {
    if (this.process && this.process.exitCode === null) return;
    this.process = spawn('clamd', [`--config-file=${join(this.dir, 'clamd.conf')}`], { stdio: 'ignore' });
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      if (await this.ping()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`clamd on port ${this.port} did not start`);
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1');
      socket.setTimeout(1000);
      let answer = '';
      socket.on('connect', () => socket.write('zPING\0'));
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('end', () => resolve(answer.startsWith('PONG')));
      socket.on('error', () => resolve(false));
      socket.on('timeout', () => (socket.destroy(), resolve(false)));
    });
  }
}
