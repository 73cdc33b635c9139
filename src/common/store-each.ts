/** A complaint a batch could not do: re-queued alone, where it gets its own attempts and, in the end, its own dead letter. */
export interface Failure {
  id: string;
  error: string;
  /** No attempt can succeed (the complaint does not exist): the job alone fails at once. */
  unrecoverable: boolean;
}

/**
 * Postgres refused the rows themselves (SQLSTATE class 22, data exception, such as a \u0000 in JSON; class 23,
 * integrity), as opposed to a lost connection or a deadlock, after which the whole batch is simply tried again.
 */
export function refusedRow(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

/**
 * Writes a batch in one statement. Should Postgres refuse it for what is in a row, each row is written alone, so
 * one broken complaint is set aside (added to `failed`) and the rest are still stored. Any other error reaches the
 * caller: the job fails and is tried again, and ON CONFLICT makes the second try write only what the first did not.
 * Returns the rows written.
 */
export async function storeEach<T extends { id: string }>(rows: T[], failed: Failure[], write: (rows: T[]) => Promise<unknown>): Promise<T[]> {
  if (!rows.length) return [];
  try {
    await write(rows);
    return rows;
  } catch (error) {
    if (!refusedRow(error)) throw error;
    if (rows.length === 1) {
      failed.push({ id: rows[0].id, error: `Postgres refused its row: ${(error as Error).message}`, unrecoverable: false });
      return [];
    }
  }
  const written: T[] = [];
  for (const row of rows) if ((await storeEach([row], failed, write)).length) written.push(row);
  return written;
}
