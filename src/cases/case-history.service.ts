import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface HistoryEntry {
  sequence: number;
  occurredAt: string;
  type: string;
  actor: string;
  details: Record<string, unknown>;
}

/** A case's entries in the case log, with staff shown by email rather than by id. */
@Injectable()
export class CaseHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  async forCase(reference: string): Promise<HistoryEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT e.sequence, e.occurred_at, e.type, e.actor, e.details, u.email
         FROM case_events e
         LEFT JOIN users u ON e.actor LIKE 'user:%' AND u.id::text = substr(e.actor, 6)
        WHERE e.reference = $1 ORDER BY e.sequence`,
      [reference],
    )) as Array<{ sequence: string; occurred_at: Date; type: string; actor: string; details: Record<string, unknown>; email: string | null }>;
    return rows.map((r) => ({
      sequence: Number(r.sequence),
      occurredAt: r.occurred_at.toISOString(),
      type: r.type,
      actor: r.email ?? r.actor,
      details: r.details,
    }));
  }
}
