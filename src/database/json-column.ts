/**
 * A column of JSON texts for an `unnest(...)` batch statement, sent as one text parameter and split by Postgres
 * (`jsonColumnSql`), not as a `jsonb[]` or `text[]` array. node-postgres writes an array parameter as an array literal,
 * escaping every `"` and `\` of every element, and Postgres parses it back the same way: for the triage's analyses
 * (about 20 KB of JSON a complaint) preparing the query was 7.5% of the worker's event loop in a drain's profile. The
 * separator is ASCII's record separator, which JSON text never holds raw (JSON.stringify escapes every control
 * character); null is sent as the empty string, which is never JSON.
 */
const SEPARATOR = '\x1e';

export function jsonColumn(values: readonly (string | null | undefined)[]): string {
  for (const value of values) if (value?.includes(SEPARATOR)) throw new Error('a JSON column value holds a raw record separator: it is not JSON.stringify output');
  return values.map((value) => value ?? '').join(SEPARATOR);
}

/** The SQL reading a `jsonColumn` parameter back as an array of text, with nulls where null was sent. */
export const jsonColumnSql = (parameter: string): string => `string_to_array(${parameter}::text, chr(30), '')`;
