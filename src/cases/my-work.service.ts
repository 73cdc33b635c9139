import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addWorkingDays } from '../calendar/working-day-calendar.js';
import { Environment } from '../config/environment.js';

export interface WorkItem {
  reference: string;
  summary: string;
  status: string;
  category: string | null;
  possibleOffence: boolean;
  kind: string;
  dueAt: string;
}

export interface MyWork {
  overdue: WorkItem[];
  dueSoon: WorkItem[];
  /** The end of the due-soon window: DUE_SOON_WORKING_DAYS working days from now. */
  dueSoonUntil: string;
  /** Deadlines overdue or due soon on cases nobody has been given, so they are not forgotten. */
  unassigned: number;
}

const LIMIT = 200;
/** Counting further would cost more than the page; the page says "more than 1,000". */
export const UNASSIGNED_CAP = 1000;

/** An officer's deadlines not yet met that are overdue or due soon, most urgent first. */
@Injectable()
export class MyWorkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Environment,
  ) {}

  async forOfficer(userId: string): Promise<MyWork> {
    const until = addWorkingDays(new Date(), this.env.DUE_SOON_WORKING_DAYS).dueAt;
    const [rows, [{ n }]] = await Promise.all([
      this.dataSource.query(
        `SELECT c.reference, c.summary, c.status, c.category, c.possible_offence, d.kind, d.due_at
           FROM deadlines d JOIN complaints c ON c.id = d.complaint_id
          WHERE c.assignee_id = $1 AND d.met_at IS NULL AND d.due_at <= $2
          ORDER BY d.due_at, c.reference LIMIT ${LIMIT}`,
        [userId, until],
      ) as Promise<Array<{ reference: string; summary: string; status: string; category: string | null; possible_offence: boolean; kind: string; due_at: Date }>>,
      this.dataSource.query(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM deadlines d JOIN complaints c ON c.id = d.complaint_id
          WHERE c.assignee_id IS NULL AND d.met_at IS NULL AND d.due_at <= $1 LIMIT ${UNASSIGNED_CAP + 1}) capped`,
        [until],
      ) as Promise<Array<{ n: number }>>,
    ]);
    const now = Date.now();
    const items = rows.map((r) => ({
      reference: r.reference, summary: r.summary, status: r.status, category: r.category, possibleOffence: r.possible_offence,
      kind: r.kind, dueAt: r.due_at.toISOString(),
    }));
    return {
      overdue: items.filter((i) => Date.parse(i.dueAt) < now),
      dueSoon: items.filter((i) => Date.parse(i.dueAt) >= now),
      dueSoonUntil: until.toISOString(),
      unassigned: n,
    };
  }
}
