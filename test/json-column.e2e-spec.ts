import pg from 'pg';
import { jsonColumn, jsonColumnSql } from '../src/database/json-column.js';

/** A JSON column sent as one text parameter comes back from Postgres exactly as sent, row for row, nulls kept. */
describe('jsonColumn', () => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  const roundTrip = async (values: Array<string | null>) =>
    (await client.query<{ value: string | null }>(`SELECT value FROM unnest(${jsonColumnSql('$1')}) WITH ORDINALITY AS i(value, n) ORDER BY n`, [jsonColumn(values)])).rows.map((r) => r.value);

  it('keeps quotes, backslashes, control characters, Welsh and emoji, and nulls in their places', async () => {
    const values = [
      JSON.stringify({ quote: 'He said "no" \\ twice', tab: 'a\tb', rs: 'x\x1ey', cy: 'Comisiynydd ŵ ŷ', emoji: '👮' }),
      null,
      JSON.stringify(['', null, 1.5]),
      null,
    ];
    expect(await roundTrip(values)).toEqual(values);
  });

  it('one row, and one null row', async () => {
    expect(await roundTrip(['{}'])).toEqual(['{}']);
    // a lone null is sent as '' and comes back as no rows: beside other unnest columns it is padded with null
    const { rows } = await client.query(`SELECT a, b FROM unnest($1::int[], ${jsonColumnSql('$2')}) AS i(a, b)`, [[7], jsonColumn([null])]);
    expect(rows).toEqual([{ a: 7, b: null }]);
  });

  it('casts to jsonb, and refuses text that is not JSON output', async () => {
    const { rows } = await client.query(`SELECT (${jsonColumnSql('$1')}::jsonb[])[1] AS v`, [jsonColumn([JSON.stringify({ a: 'b' })])]);
    expect(rows[0].v).toEqual({ a: 'b' });
    expect(() => jsonColumn(['raw \x1e separator'])).toThrow(/record separator/);
  });
});
