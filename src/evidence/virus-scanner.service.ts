import { Injectable, Logger } from '@nestjs/common';
import NodeClam from 'clamscan';
import { Readable } from 'node:stream';
import { Environment } from '../config/environment.js';

/** What clamd said about a file: clean, infected (with the signature's name), or nothing because it could not be asked. */
export type ScanResult = { verdict: 'clean' } | { verdict: 'infected'; virus: string } | { verdict: 'unavailable'; why: string };

const SCAN_TIMEOUT_MS = 30_000;

/** Where CLAMAV_URL points: tcp://host:port or unix:///path/to/clamd.ctl. */
export function clamdAddress(url: string): { host: string; port: number } | { socket: string } {
  const parsed = new URL(url);
  if (parsed.protocol === 'unix:') return { socket: decodeURIComponent(parsed.pathname) };
  return { host: parsed.hostname, port: Number(parsed.port || 3310) };
}

/**
 * Asks ClamAV's daemon about a file through the `clamscan` package (clamd's INSTREAM command over TCP or a socket).
 * Only a clear answer counts: anything else (clamd down, a timeout, an error line) is "unavailable", and the caller
 * keeps the file in quarantine as pending rather than treating it as clean.
 */
@Injectable()
export class VirusScanner {
  private readonly logger = new Logger(VirusScanner.name);
  private client?: Promise<NodeClam>;

  constructor(private readonly env: Environment) {}

  private connect(): Promise<NodeClam> {
    this.client ??= new NodeClam().init({
      removeInfected: false,
      debugMode: false,
      clamscan: { active: false },
      // no path: never fall back to a local clamdscan binary and its own configuration
      clamdscan: { ...clamdAddress(this.env.CLAMAV_URL), path: '', localFallback: false, bypassTest: true, timeout: SCAN_TIMEOUT_MS, active: true },
      preference: 'clamdscan',
    });
    return this.client;
  }

  async scan(content: Buffer): Promise<ScanResult> {
    try {
      const clam = await this.connect();
      const result = (await clam.scanStream(Readable.from([content]))) as { isInfected?: unknown; viruses?: string[] } | Error;
      if (result instanceof Error) return { verdict: 'unavailable', why: result.message };
      if (result.isInfected === false) return { verdict: 'clean' };
      if (result.isInfected === true) return { verdict: 'infected', virus: result.viruses?.[0] ?? 'unknown' };
      return { verdict: 'unavailable', why: 'clamd gave no clear answer' };
    } catch (error) {
      this.client = undefined; // initialise again next time, in case the settings' check was what failed
      return { verdict: 'unavailable', why: (error as Error).message };
    }
  }

  /** True when clamd answers PING now. */
  async available(): Promise<boolean> {
    try {
      const clam = await this.connect();
      const socket = await clam.ping();
      socket.end();
      return true;
    } catch {
      return false;
    }
  }

  logUnavailable(why: string): void {
    this.logger.warn({ why }, 'clamd unavailable: evidence kept in quarantine as pending');
  }
}
