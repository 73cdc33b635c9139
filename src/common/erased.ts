/** What stands in place of personal data, or of a complaint's words, once erased (src/erasure). */
export const ERASED = '[erased]';

/** What a query runner needs: the data source, or a transaction's manager. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** Rows changed by an owner's erasure, by table: what the erasure record and the case log count. */
export type ErasedRows = Record<string, number>;

/** The number of rows an UPDATE or DELETE (without RETURNING) changed, as TypeORM's query() reports it. */
export const affected = (result: unknown): number => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0);
