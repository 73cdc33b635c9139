import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { CreateComplaintDto } from './create-complaint.dto.js';
import { compileComplaintSchema } from './create-complaint.schema.js';

/** What the global ValidationPipe decides (whitelist, forbidNonWhitelisted): true when the body passes. */
const dtoAccepts = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && !Array.isArray(body) &&
  validateSync(plainToInstance(CreateComplaintDto, body) as object, { whitelist: true, forbidNonWhitelisted: true }).length === 0;

const schemaAccepts = compileComplaintSchema();

const good = () => ({
  complainant: { name: 'Ann Smith', email: 'ann@example.org', phone: '07700 900123', postalAddress: '1 High Street' },
  subject: { role: 'pcc', name: 'A Commissioner' },
  summary: 'The commissioner did not reply',
  details: 'I wrote three times about the station closure and heard nothing.',
  incidentDate: '2026-10-01',
  language: 'cy',
  adjustments: 'Large print, please',
  contactPreference: 'post',
  representative: { name: 'Bob Smith', relationship: 'son', email: 'bob@example.org', postalAddress: '2 High Street', consent: true },
});

const strings = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u200B', '\uFE0F', 'a\uFE0F', '\uD800', 'a\u0000b', '𝕳𝖊𝖑𝖑𝖔', 'x'.repeat(201), '🙂'.repeat(150), 'a\uFE0F'.repeat(110),
    'ann@example.org', 'ann@@example.org', 'a@b', '2026-02-30', '2099-01-01', '1899-12-31', '2026-10-01', 'pcc', 'mayor', 'en', 'cy', 'post', 'email'),
);
const values = fc.oneof(strings, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(strings, { maxLength: 2 }), fc.dictionary(fc.constantFrom('name', 'role', 'x'), strings, { maxKeys: 2 }));
const paths = ['complainant', 'complainant.name', 'complainant.email', 'complainant.phone', 'complainant.postalAddress', 'complainant.extra', 'subject', 'subject.role', 'subject.name',
  'summary', 'details', 'incidentDate', 'language', 'adjustments', 'contactPreference', 'representative', 'representative.name', 'representative.relationship',
  'representative.email', 'representative.postalAddress', 'representative.consent', 'extra'];

/** A good complaint with one, two or three fields spoilt (set to a generated value, or removed). */
const spoilt = fc.array(fc.tuple(fc.constantFrom(...paths), values, fc.boolean()), { minLength: 1, maxLength: 3 }).map((changes) => {
  const body = good() as Record<string, any>;
  for (const [path, value, remove] of changes) {
    const [outer, inner] = path.split('.');
    const target = inner ? (typeof body[outer] === 'object' && body[outer] !== null && !Array.isArray(body[outer]) ? body[outer] : (body[outer] = {})) : body;
    const key = inner ?? outer;
    if (remove) delete target[key];
    else target[key] = value;
  }
  return body;
});

describe('the compiled complaint schema', () => {
  it('accepts an ordinary complaint and one with every optional field', () => {
    const minimal = { complainant: { name: 'Ann Smith', email: 'ann@example.org' }, subject: { role: 'pcc' }, summary: 'No reply', details: 'None at all.' };
    expect(schemaAccepts(minimal)).toBe(true);
    expect(schemaAccepts(good())).toBe(true);
  });

  it('accepts every labelled fixture complaint the DTO accepts (so the fast path is the usual one)', () => {
    const fixtures = JSON.parse(readFileSync(new URL('../../../test/fixtures/triage-cases.json', import.meta.url), 'utf8')) as { complaint: unknown }[];
    const accepted = fixtures.filter((f) => dtoAccepts(f.complaint));
    expect(accepted.length).toBeGreaterThan(100);
    expect(accepted.filter((f) => !schemaAccepts(f.complaint))).toEqual([]);
  });

  it('refuses what the DTO refuses: unknown fields, wrong types, bad text, emails and dates, overlong text', () => {
    const refused = [
      { ...good(), extra: 1 },
      { ...good(), complainant: { name: 'Ann', sneaky: 'x' } },
      { ...good(), subject: { role: 'chief_constable' } },
      { ...good(), summary: '' },
      { ...good(), summary: '\u200B\u200B' },
      { ...good(), details: 'a\u0000b' },
      { ...good(), details: 'x'.repeat(20_001) },
      { ...good(), complainant: { name: 'Ann', email: 'ann@@example.org' } },
      { ...good(), incidentDate: '2026-02-30' },
      { ...good(), incidentDate: '2999-01-01' },
      { ...good(), representative: { name: 'Bob' } },
      { ...good(), representative: { name: 'Bob', relationship: 'son', consent: 'yes' } },
      [good()],
      null,
    ];
    for (const body of refused) {
      expect(dtoAccepts(body)).toBe(false);
      expect(schemaAccepts(body)).toBe(false);
    }
  });

  it('never accepts a body the DTO refuses (generated bodies with spoilt fields)', () => {
    fc.assert(
      fc.property(spoilt, (body) => {
        if (schemaAccepts(body)) expect(dtoAccepts(body)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never accepts arbitrary JSON the DTO refuses', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        if (schemaAccepts(body)) expect(dtoAccepts(body)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
