import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface HistoryEntry {
  /** null while the event waits to be chained (milliseconds, as a rule). */
  sequence: number | null;
  occurredAt: string;
  type: string;
  actor: string;
  details: Record<string, unknown>;
}

/** A case's entries in the case log (and any still waiting to be chained), with staff shown by email rather than by id. */
@Injectable()
export class CaseHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  async forCase(reference: string): Promise<HistoryEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT e.sequence, e.occurred_at, e.type, e.actor, e.details, u.email
         FROM (SELECT sequence, occurred_at, type, actor, details, reference, 0 AS waiting, sequence AS position FROM case_events
               UNION ALL
               SELECT NULL, occurred_at, type, actor, details, reference, 1, id FROM case_event_queue) e
         LEFT JOIN users u ON e.actor LIKE 'user:%' AND u.id::text = substr(e.actor, 6)
        WHERE e.reference = $1 ORDER BY e.waiting, e.position`,
      [reference],
    )) as Array<{ sequence: string | null; occurred_at: Date; type: string; actor: string; details: Record<string, unknown>; email: string | null }>;
    return rows.map((r) => ({
      sequence: r.sequence === null ? null : Number(r.sequence),
      occurredAt: r.occurred_at.toISOString(),
      type: r.type,
      actor: r.email ?? r.actor,
      details: r.details,
    }));
  }
}
