import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadLabelled, type LabelledCase } from '../evaluation/labelled-cases.js';
import { complaintSimilarity } from '../evaluation/trigram-similarity.js';
import { triageInProcess } from './pipeline.js';
import { ALL_STEPS } from './rule.types.js';

/**
 * The triage's results over every labelled complaint in the repository, pinned: a digest of each step's verdict,
 * evidence and findings (the analysis itself included: tokens, lemmas, doers, negation, offences) and of the decision,
 * per complaint, against test/fixtures/triage-digests.json. A change meant only to make the triage cheaper must leave
 * every digest as it was. A change to the rules on purpose rewrites the file
 *   UPDATE_TRIAGE_DIGESTS=1 NODE_OPTIONS=--experimental-vm-modules npx jest src/triage/rules/triage-digests.spec.ts
 * after reading what the failing run lists (every category, possible offence and review reason that moved).
 */
const fixture = new URL('../../../test/fixtures/triage-digests.json', import.meta.url);
const RECEIVED_AT = '2026-11-20T10:00:00.000Z';

interface Digest {
  category: string;
  possibleOffence: boolean;
  reviewReasons: string[];
  /** Step name → the first 16 hex digits of a SHA-256 of its canonical JSON. */
  steps: Record<string, string>;
}

/** JSON with object keys sorted, so a digest depends on what is stored, not on the order it was built in. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

const hash = (value: unknown) => createHash('sha256').update(canonical(value)).digest('hex').slice(0, 16);

function digestOf(c: LabelledCase): Digest {
  const { steps, decision } = triageInProcess({
    summary: c.complaint.summary,
    details: c.complaint.details,
    subjectRole: c.complaint.subject.role,
    subjectName: c.complaint.subject.name ?? null,
    incidentDate: c.complaint.incidentDate ?? null,
    receivedAt: RECEIVED_AT,
    hasName: true,
    hasPostalAddress: !!c.complaint.complainant.postalAddress,
    earlierComplaints: (c.history ?? []).map((h, i) => ({
      reference: `EARLIER-${c.id}-${i + 1}`,
      summary: h.summary,
      details: h.details,
      receivedAt: new Date(Date.parse(RECEIVED_AT) - h.daysBefore * 86_400_000).toISOString(),
      decided: true,
      similarity: complaintSimilarity(h, c.complaint),
    })),
  });
  const all: Record<string, unknown> = { ...steps, decide: decision };
  return {
    category: decision.category,
    possibleOffence: decision.possibleOffence,
    reviewReasons: decision.reviewReasons,
    steps: Object.fromEntries(ALL_STEPS.map((s) => [s, hash(all[s])])),
  };
}

/**
 * Texts no one labelled, read for the same pinning: about one labelled complaint in four (by its id) lower-cased without punctuation
 * (one endless sentence), and 20,000 awkward characters of the kinds rules-cost.spec.ts times.
 */
function awkward(cases: LabelledCase[]): LabelledCase[] {
  const fill = (piece: string) => piece.repeat(Math.ceil(20_000 / piece.length)).slice(0, 20_000);
  const texts = [
    fill("The Commissioner said he would not reply, but she told me 'you are a moron', then he pushed me; the officers laughed and the council ignored my letters about the precept. "),
    fill('paid for his paid for the took my put his hand on her threatened to have my I will keep complaining every day until '),
    fill('he she they him her his their I me we us our one another '),
    fill("'a' 'b 'c' \"d\" ‘e’ “f” it's don't residents' "),
    fill('£1,000,000.00 £14,250 forty 52 in a 30 10.15pm # '),
    fill('and the commissioner and the officer and the council and the mayor '),
    cases.filter((c) => c.complaint.details.length > 600 && c.complaint.details.length < 1400).map((c) => c.complaint.details).join('\n\n').slice(0, 20_000),
  ];
  const unpunctuated = cases.filter((c) => createHash('sha256').update(c.id).digest()[0] % 4 === 0).map((c) => ({
    ...c,
    source: `unpunctuated/${c.source}`,
    complaint: { ...c.complaint, details: c.complaint.details.toLowerCase().replace(/[.,;:!?'"()]/g, ' ') },
  }));
  const long = texts.map((details, i) => ({ ...cases[0], id: `long-${i + 1}`, source: 'awkward', history: [], complaint: { ...cases[0].complaint, summary: details.slice(0, 120), details } }));
  return [...unpunctuated, ...long];
}

describe('triage results over every labelled complaint', () => {
  const cases = loadLabelled();
  const actual: Record<string, Digest> = {};
  for (const c of [...cases, ...awkward(cases)]) actual[`${c.source}/${c.id}`] = digestOf(c);

  if (process.env.UPDATE_TRIAGE_DIGESTS) {
    it('rewrites test/fixtures/triage-digests.json (UPDATE_TRIAGE_DIGESTS is set)', () => {
      const lines = Object.entries(actual).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
      writeFileSync(fixture, `{\n${lines.join(',\n')}\n}\n`);
    });
    return;
  }

  it('every complaint gets the same steps, findings and decision as the pinned digests', () => {
    const pinned = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, Digest>;
    // the shared examples sit beside the checkout and may be absent: compare what this checkout can read
    const sharedRead = Object.keys(actual).some((k) => k.startsWith('shared/'));
    const expected = Object.fromEntries(Object.entries(pinned).filter(([k]) => sharedRead || !k.split('/').includes('shared')));
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    const differences: string[] = [];
    for (const [key, got] of Object.entries(actual)) {
      const want = expected[key];
      const steps = ALL_STEPS.filter((s) => got.steps[s] !== want.steps[s]);
      const outcome = got.category !== want.category || got.possibleOffence !== want.possibleOffence || got.reviewReasons.join() !== want.reviewReasons.join();
      if (steps.length || outcome) {
        differences.push(`${key}: steps ${steps.join(', ') || 'none'}` + (outcome ? `; ${want.category}/${want.possibleOffence}/${want.reviewReasons.join('+')} → ${got.category}/${got.possibleOffence}/${got.reviewReasons.join('+')}` : ''));
      }
    }
    expect(differences).toEqual([]);
  });
});
