import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CsvRecordCounter, csvCopySql } from './csv-copy.js';

async function count(chunks: string[]): Promise<{ records: number; passed: string }> {
  const counter = new CsvRecordCounter();
  const passed = await text(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(counter));
  return { records: counter.records, passed };
}

describe('CsvRecordCounter', () => {
  it('counts records, not the line breaks inside quoted cells, and passes the bytes through unchanged', async () => {
    const csv = 'a,b\n"1","x\ny"\n"2","he said ""hi""\n, twice"\n';
    expect(await count([csv])).toEqual({ records: 2, passed: csv });
  });

  it('keeps count across chunk boundaries, even inside a quote or an escaped quote', async () => {
    const csv = 'a,b\n"1","x\ny"\n"2","he said ""hi""\n, twice"\n';
    for (let cut = 1; cut < csv.length; cut++) expect((await count([csv.slice(0, cut), csv.slice(cut)])).records).toBe(2);
  });

  it('counts nothing but the header for an empty export', async () => {
    expect((await count(['"sequence","occurredAt"\n'])).records).toBe(0);
  });
});

describe('csvCopySql', () => {
  it('inlines the filters as escaped literals, since COPY takes no parameters', () => {
    const sql = csvCopySql('sequence <= $1 AND occurred_at >= $2 AND reference = $3', [42, new Date('2026-11-01T00:00:00Z'), "O'Brien"]);
    expect(sql).toContain("sequence <= 42 AND occurred_at >= '2026-11-01T00:00:00.000Z'::timestamptz AND reference = 'O''Brien'");
    expect(sql).toContain('FORMAT csv, HEADER, FORCE_QUOTE *');
    expect(sql).not.toMatch(/\$\d/);
  });
});
