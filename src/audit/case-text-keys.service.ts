import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

const KEY_BYTES = 32;

/**
 * Keyed hashes of a case's free text for the case log. An unkeyed SHA-256 of a short or predictable text (a letter
 * made from a template and a name, a reason like "duplicate") can be confirmed by anyone who guesses the text; an
 * HMAC-SHA256 under a key of the case's own cannot, and once erasure destroys the key nobody can check it at all.
 * While the key exists, whoever holds it and the text can show the log recorded exactly that text.
 */
@Injectable()
export class CaseTextKeys {
  /** HMAC-SHA256 of `text` under the case's key (made on first use), as hex. Call inside the writer's transaction. */
  async hash(db: Queryable, complaintId: string, text: string): Promise<string> {
    return createHmac('sha256', await this.keyOf(db, complaintId)).update(text, 'utf8').digest('hex');
  }

  /**
   * HMACs of many texts, each under its own case's key, in one statement for all the keys (each made on first use):
   * for a writer that logs a batch. The same hashes `hash` gives, in the order given.
   */
  async hashEach(db: Queryable, texts: ReadonlyArray<{ complaintId: string; text: string }>): Promise<string[]> {
    const keys = await this.keysOf(db, texts.map((t) => t.complaintId));
    return texts.map(({ complaintId, text }) => createHmac('sha256', keys.get(complaintId)!).update(text, 'utf8').digest('hex'));
  }

  /** Destroys the case's key; the next hash for the case uses a new one. Returns how many keys were destroyed. */
  async destroy(db: Queryable, complaintId: string): Promise<number> {
    const [, deleted] = (await db.query(`DELETE FROM case_text_keys WHERE complaint_id = $1`, [complaintId])) as [unknown, number];
    return deleted;
  }

  private async keyOf(db: Queryable, complaintId: string): Promise<Buffer> {
    // One round trip, and safe when two writers make the first key at once: the loser gets the winner's key.
    const [row] = (await db.query(
      `INSERT INTO case_text_keys (complaint_id, key) VALUES ($1, $2)
       ON CONFLICT (complaint_id) DO UPDATE SET key = case_text_keys.key RETURNING key`,
      [complaintId, randomBytes(KEY_BYTES)],
    )) as Array<{ key: Buffer }>;
    return row.key;
  }

  private async keysOf(db: Queryable, complaintIds: readonly string[]): Promise<Map<string, Buffer>> {
    // once each (a statement may not update one row twice), in id order, as every batch writer locks rows
    const ids = [...new Set(complaintIds)].sort();
    if (!ids.length) return new Map();
    const rows = (await db.query(
      `INSERT INTO case_text_keys (complaint_id, key) SELECT * FROM unnest($1::uuid[], $2::bytea[]) ORDER BY 1
       ON CONFLICT (complaint_id) DO UPDATE SET key = case_text_keys.key RETURNING complaint_id, key`,
      [ids, ids.map(() => randomBytes(KEY_BYTES))],
    )) as Array<{ complaint_id: string; key: Buffer }>;
    return new Map(rows.map((row) => [row.complaint_id, row.key]));
  }
}
