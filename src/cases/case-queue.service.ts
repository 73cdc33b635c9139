import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StaffUser } from '../auth/staff-user.js';
import { personLookup, personQuery, personWords, plainlyBroad, REFERENCE_KEY_SQL, referenceKey, SEARCH_CAP, wholeWordQuery } from './case-search.js';
import type { CaseListDto, CaseSummaryDto } from './dto/case.dto.js';
import type { ListCasesQuery } from './dto/list-cases.query.js';

const COUNT_CAP = 10_000;
// The complaint's words are searched in the document intake stores (complaint_search_documents, its GIN index).
const COMPLAINT_TEXT_MATCH = `s.document @@ websearch_to_tsquery('english', $1)`;
const PERSON_TEXT_MATCH = `to_tsvector('simple', p.name || ' ' || p.email) @@ to_tsquery('simple', $1)`;
const BROAD_COUNT_CAP = 500;

export interface SummaryRow {
  id: string;
  reference: string;
  status: string;
  category: string | null;
  triage_category: string | null;
  subject_role: string;
  summary: string;
  channel: string;
  received_at: Date;
  assignee: string | null;
  next_due_at: Date | null;
  next_due_kind?: string | null;
  possible_offence: boolean;
  review_due_at?: Date | null;
}

export const SUMMARY_COLUMNS = `c.id, c.reference, c.status, c.category, c.triage_category, c.subject_role, c.summary, c.channel,
  c.received_at, c.next_due_at, c.possible_offence, u.email AS assignee`;

// Which deadline "next due" is: one look-up by the (complaint, kind) key for each row of the page.
const NEXT_DUE_KIND = `(SELECT d.kind FROM deadlines d WHERE d.complaint_id = c.id AND d.met_at IS NULL ORDER BY d.due_at LIMIT 1) AS next_due_kind`;

const ORDER = {
  due: 'c.next_due_at ASC NULLS LAST, c.received_at ASC',
  received: 'c.received_at ASC',
  '-received': 'c.received_at DESC',
} as const;

export function toSummary(r: SummaryRow): CaseSummaryDto {
  return {
    reference: r.reference,
    status: r.status,
    category: r.category,
    triageCategory: r.triage_category,
    subjectRole: r.subject_role,
    summary: r.summary,
    channel: r.channel,
    receivedAt: r.received_at.toISOString(),
    assignee: r.assignee,
    nextDueAt: r.next_due_at?.toISOString() ?? null,
    nextDueKind: r.next_due_kind ?? null,
    overdue: !!r.next_due_at && r.next_due_at < new Date(),
    possibleOffence: r.possible_offence,
    ...(r.review_due_at !== undefined ? { reviewDueAt: r.review_due_at?.toISOString() ?? null } : {}),
  };
}

/** The officers' queue: filters, the one search box, sorting and pages, each served by an index at a million cases. */
@Injectable()
export class CaseQueueService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListCasesQuery, staff?: StaffUser): Promise<CaseListDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.category) where.push(`c.category = ${param(query.category)}`);
    if (query.status) where.push(`c.status = ${param(query.status)}`);
    if (query.assignee === 'none') where.push('c.assignee_id IS NULL');
    else if (query.assignee) where.push(`c.assignee_id = ${param(query.assignee === 'me' ? staff?.id : query.assignee)}`);
    if (query.overdue === true) where.push('c.next_due_at < now()');
    if (query.overdue === false) where.push('(c.next_due_at IS NULL OR c.next_due_at >= now())');
    if (query.possibleOffence === true) where.push('c.possible_offence');
    if (query.possibleOffence === false) where.push('NOT c.possible_offence');
    // awaiting an officer's review of the triage: possible offences first, then by the review's due time
    const reviewJoin = query.review === true ? `JOIN deadlines rv ON rv.complaint_id = c.id AND rv.kind = 'triage_review' AND rv.met_at IS NULL` : '';
    if (query.review === false) where.push(`NOT EXISTS (SELECT 1 FROM deadlines rv WHERE rv.complaint_id = c.id AND rv.kind = 'triage_review' AND rv.met_at IS NULL)`);
    // a broad search is checked case by case: counting all its matches exactly would cost seconds, so it stops sooner
    let countCap = COUNT_CAP;
    const estimateWhere = [...where];
    if (query.q?.trim()) {
      const search = await this.searchClause(query.q.trim(), param);
      where.push(search.clause);
      estimateWhere.push(search.estimateClause ?? search.clause);
      if (search.broad) countCap = BROAD_COUNT_CAP;
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const estimateFilter = estimateWhere.length ? `WHERE ${estimateWhere.join(' AND ')}` : '';
    const order = query.review === true ? 'c.possible_offence DESC, rv.due_at ASC, c.received_at ASC' : ORDER[query.sort ?? 'due'];
    const offset = (query.page - 1) * query.pageSize;
    const [rows, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT ${SUMMARY_COLUMNS}, ${NEXT_DUE_KIND}${reviewJoin ? ', rv.due_at AS review_due_at' : ''}
           FROM complaints c ${reviewJoin} LEFT JOIN users u ON u.id = c.assignee_id
         ${filter} ORDER BY ${order}, c.id LIMIT ${query.pageSize} OFFSET ${offset}`,
        params,
      ) as Promise<SummaryRow[]>,
      this.countCases(`${reviewJoin} ${filter}`, `${reviewJoin} ${estimateFilter}`, params, countCap),
    ]);
    return { items: rows.map(toSummary), ...counted, page: query.page, pageSize: query.pageSize };
  }

  /**
   * One condition for the search box, from three look-ups each served by its own index: the reference key (a prefix,
   * by an expression index), the complainant's name or email (the complainants' text index) and the complaint's words
   * (the GIN index of complaint_search_documents). A reference found is what the officer meant: only those cases.
   * Otherwise, when each look-up finds at most SEARCH_CAP cases, the queue takes exactly those by id (an OR of the
   * three in one query made Postgres walk every case by due date: 34 s at a million). A broader word matches densely,
   * so then the queue checks each case in due order, which finds a page quickly. Whether a word is broad is first
   * asked of Postgres's statistics (an estimate, no rows read); only a word they do not call plainly broad is looked
   * up, capped.
   */
  private async searchClause(q: string, param: (value: unknown) => string): Promise<{ clause: string; estimateClause?: string; broad: boolean }> {
    const ids = async (sql: string, values: unknown[]) => ((await this.dataSource.query(`${sql} LIMIT ${SEARCH_CAP + 1}`, values)) as Array<{ id: string }>).map((r) => r.id);
    const key = referenceKey(q);
    if (key) {
      const found = await ids(`SELECT c.id FROM complaints c WHERE ${REFERENCE_KEY_SQL} LIKE $1`, [`${key}%`]);
      if (found.length && found.length <= SEARCH_CAP) return { clause: `c.id = ANY(${param(found)}::uuid[])`, broad: false };
    }
    const words = personWords(q);
    const [{ cases, people }, textEstimate, ...wordEstimates] = await Promise.all([
      this.tableRows(),
      this.estimate(`complaint_search_documents s WHERE ${COMPLAINT_TEXT_MATCH}`, q),
      ...words.map((w) => this.estimate(`complainants p WHERE ${PERSON_TEXT_MATCH}`, wholeWordQuery(w))),
    ]);
    const textBroad = plainlyBroad(textEstimate, cases);
    const person = personQuery(words);
    const [byText, { found, broad: personBroad }] = await Promise.all([
      textBroad ? [] : ids(`SELECT s.complaint_id AS id FROM complaint_search_documents s WHERE ${COMPLAINT_TEXT_MATCH}`, [q]),
      person ? this.findPeople(words, wordEstimates, people) : { found: [], broad: false },
    ]);
    const byPerson = found.length && found.length <= SEARCH_CAP ? await ids(`SELECT c.id FROM complaints c WHERE c.complainant_id = ANY($1::uuid[])`, [found]) : [];
    const broadPerson = personBroad || found.length > SEARCH_CAP || byPerson.length > SEARCH_CAP;
    const broadText = textBroad || byText.length > SEARCH_CAP;
    if (!broadText && !broadPerson) return { clause: `c.id = ANY(${param([...new Set([...byText, ...byPerson])])}::uuid[])`, broad: false };
    // parameters are numbered as they are made, so only those the final condition uses are made
    const arms: string[] = [];
    // scalar sub-selects, checked for each case as it comes: EXISTS here became a hash of every match (2 s for people)
    // ...and the same written as EXISTS for the "about N" total only: the planner cannot estimate a scalar sub-select
    // (it guesses half the cases), but estimates a semi-join from the text index's statistics
    const estimateArms: string[] = [];
    if (broadText) {
      const words = param(q);
      arms.push(`(SELECT s.document @@ websearch_to_tsquery('english', ${words}) FROM complaint_search_documents s WHERE s.complaint_id = c.id)`);
      estimateArms.push(`EXISTS (SELECT 1 FROM complaint_search_documents s WHERE s.complaint_id = c.id AND s.document @@ websearch_to_tsquery('english', ${words}))`);
    } else if (byText.length) arms.push(`c.id = ANY(${param(byText)}::uuid[])`);
    if (broadPerson) {
      const who = param(person);
      arms.push(`(SELECT to_tsvector('simple', p.name || ' ' || p.email) @@ to_tsquery('simple', ${who}) FROM complainants p WHERE p.id = c.complainant_id)`);
      // the planner's guess for a prefix match is worse as a semi-join than as the scalar sub-select's half
      estimateArms.push(arms[arms.length - 1]);
    } else if (byPerson.length) arms.push(`c.id = ANY(${param(byPerson)}::uuid[])`);
    const exact = arms.filter((arm) => arm.startsWith('c.id = ANY'));
    return { clause: `(${arms.join(' OR ')})`, estimateClause: `(${[...estimateArms, ...exact].join(' OR ')})`, broad: true };
  }

  /** The people whose name or email every word begins a word of, up to SEARCH_CAP + 1, or `broad` (personLookup). */
  private async findPeople(words: string[], estimates: number[], people: number): Promise<{ found: string[]; broad: boolean }> {
    const plan = personLookup(words, estimates, people);
    if (plan.broad) return { found: [], broad: true };
    // ts_match_vq is what @@ calls: written as a function, the planner cannot take it to the index
    const check = plan.checkWords.length ? ` AND ts_match_vq(to_tsvector('simple', p.name || ' ' || p.email), to_tsquery('simple', $2))` : '';
    const values = plan.checkWords.length ? [personQuery(plan.indexWords), personQuery(plan.checkWords)] : [personQuery(plan.indexWords)];
    // A look-up of a few people by the index; Postgres's 2% guess for any prefix made it start parallel workers for
    // it, which cost more than the look-up itself (70 ms against 0.1 ms on a busy machine).
    const rows = await this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL max_parallel_workers_per_gather = 0');
      return (await manager.query(`SELECT p.id FROM complainants p WHERE ${PERSON_TEXT_MATCH}${check} LIMIT ${SEARCH_CAP + 1}`, values)) as Array<{ id: string }>;
    });
    return { found: rows.map((r) => r.id), broad: false };
  }

  /** Postgres's estimate of the rows a condition on $1 matches: planning only, no rows are read. */
  private async estimate(fromWhere: string, value: unknown): Promise<number> {
    const [{ 'QUERY PLAN': plan }] = (await this.dataSource.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${fromWhere}`, [value])) as Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>;
    return plan[0].Plan['Plan Rows'];
  }

  /** The tables' sizes as the statistics have them (0 before their first ANALYZE, which makes nothing plainly broad). */
  private async tableRows(): Promise<{ cases: number; people: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT greatest((SELECT reltuples FROM pg_class WHERE oid = 'complaints'::regclass), 0)::float8 AS cases,
              greatest((SELECT reltuples FROM pg_class WHERE oid = 'complainants'::regclass), 0)::float8 AS people`,
    )) as Array<{ cases: number; people: number }>;
    return row;
  }

  /**
   * Counting every match of a broad filter over a million cases costs more than the page itself, so the count
   * stops at COUNT_CAP; beyond it the total is Postgres's estimate, and says so.
   */
  private async countCases(filter: string, estimateFilter: string, params: unknown[], cap = COUNT_CAP): Promise<{ total: number; totalIsEstimate: boolean }> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM complaints c ${filter} LIMIT ${cap + 1}) capped`, params)) as Array<{ n: number }>;
    if (n <= cap) return { total: n, totalIsEstimate: false };
    const [{ 'QUERY PLAN': plan }] = (await this.dataSource.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM complaints c ${estimateFilter}`, params)) as Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>;
    return { total: Math.max(cap + 1, Math.round(plan[0].Plan['Plan Rows'])), totalIsEstimate: true };
  }
}
