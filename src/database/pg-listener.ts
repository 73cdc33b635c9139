import pg from 'pg';

const RETRY_MS = 2000;

export interface PgListener {
  close(): Promise<void>;
}

/**
 * LISTENs on a Postgres channel on a connection of its own, reconnecting after it is lost (a restart, a terminated
 * backend). Notifications are only a prompt: callers also poll, so nothing depends on one arriving.
 */
export function listen(databaseUrl: string, channel: string, onNotify: () => void): PgListener {
  let client: pg.Client | undefined;
  let closed = false;
  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: databaseUrl, application_name: `pcc-triage listen ${channel}` });
    next.on('notification', onNotify);
    next.on('error', () => undefined);
    next.on('end', () => {
      if (!closed) setTimeout(() => void connect(), RETRY_MS);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      client = next;
      onNotify(); // anything sent while this listener was away
    } catch {
      await next.end().catch(() => undefined);
    }
  };
  void connect();
  return {
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
