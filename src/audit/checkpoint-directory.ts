import { Injectable } from '@nestjs/common';
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Environment } from '../config/environment.js';
import type { SignedCheckpoint } from './checkpoint-signer.service.js';

const NAME = /^checkpoint-\d{15}-[0-9a-f]{16}-[0-9a-f]{8}\.txt$/;
/** Files read at once: a directory of years of checkpoints must not exhaust file descriptors. */
const READ_AT_ONCE = 64;

export interface DeliveredNote {
  file: string;
  note: string;
}

/**
 * AUDIT_CHECKPOINT_DIR: one file a checkpoint, never overwritten, named so that they sort by sequence. Two heads at
 * the same sequence (the log was rewritten after one was signed) get two files, and that pair is itself the evidence.
 */
@Injectable()
export class CheckpointDirectory {
  readonly path: string | null;

  constructor(env: Environment) {
    this.path = env.AUDIT_CHECKPOINT_DIR ?? null;
  }

  static fileName(c: Pick<SignedCheckpoint, 'sequence' | 'hash' | 'keyId'>): string {
    return `checkpoint-${String(c.sequence).padStart(15, '0')}-${c.hash.slice(0, 16)}-${c.keyId.slice(0, 8)}.txt`;
  }

  /** Writes the note and flushes it to disk; a file already there with the same note is fine (a retried delivery). */
  async write(c: SignedCheckpoint): Promise<string> {
    const path = join(this.required(), CheckpointDirectory.fileName(c));
    await mkdir(this.required(), { recursive: true });
    try {
      const file = await open(path, 'wx', 0o444);
      try {
        await file.writeFile(c.note, 'utf8');
        await file.sync();
      } finally {
        await file.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if ((await readFile(path, 'utf8')) !== c.note) throw new Error(`${path} already holds another checkpoint`);
    }
    return path;
  }

  /** Every delivered checkpoint, latest sequence first (or the first `limit`). Empty when no directory is set. */
  async read(limit = Infinity): Promise<DeliveredNote[]> {
    if (!this.path) return [];
    let names: string[];
    try {
      names = await readdir(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const files = names.filter((n) => NAME.test(n)).sort().reverse().slice(0, limit);
    const notes: DeliveredNote[] = [];
    for (let i = 0; i < files.length; i += READ_AT_ONCE) {
      const batch = files.slice(i, i + READ_AT_ONCE);
      notes.push(...(await Promise.all(batch.map(async (file) => ({ file, note: await readFile(join(this.path!, file), 'utf8') })))));
    }
    return notes;
  }

  private required(): string {
    if (!this.path) throw new Error('AUDIT_CHECKPOINT_DIR is not set');
    return this.path;
  }
}
