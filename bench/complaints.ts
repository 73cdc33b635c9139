import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A labelled complaint as the fixtures hold it: the body a complainant would send. */
interface Fixture {
  complaint: { complainant: { name: string; email?: string }; subject: { role: string; name?: string }; summary: string; details: string; incidentDate?: string };
}

const FIXTURES = join(process.cwd(), 'test', 'fixtures');

/** Every labelled complaint in test/fixtures (written, blind and the triage cases): 836 real-looking letters. */
function loadFixtures(): Fixture[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) files.push(path);
    }
  };
  walk(FIXTURES);
  return files.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as Fixture[]).filter((f) => f.complaint?.details);
}

let fixtures: Fixture[] | undefined;
const all = () => (fixtures ??= loadFixtures());

/** A small deterministic generator, so two runs send the same complaints. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The mix of lengths the bench sends, in characters of `details`: most letters a few hundred characters, a good share
 * around a thousand, some of several thousand (log-uniform from 250 to 6,000, which puts the median near 1,200).
 */
export function realisticLength(n: number): number {
  const random = mulberry32(n * 7919 + 17);
  return Math.round(Math.exp(Math.log(250) + random() * (Math.log(6000) - Math.log(250))));
}

/**
 * Complaint n: a labelled fixture, lengthened to `length` characters (when longer than the fixture) with paragraphs of
 * other fixtures, the way a long letter tells more of the story; each from its own complainant.
 */
export function complaintBody(n: number, length = realisticLength(n)): Record<string, unknown> {
  const list = all();
  const base = list[n % list.length].complaint;
  let details = base.details;
  for (let k = 1; details.length < length; k++) details += `\n\n${list[(n * 31 + k * 97) % list.length].complaint.details}`;
  if (details.length > length && length >= base.details.length) details = details.slice(0, length).replace(/\s+\S*$/, '.');
  return {
    complainant: { name: `Bench Person ${n}`, email: `bench.person.${n}@example.org` },
    subject: base.subject,
    summary: base.summary,
    details,
    ...(base.incidentDate ? { incidentDate: base.incidentDate } : {}),
  };
}

/** Complaint n as the JSON a client sends. */
export const complaintJson = (n: number, length?: number): string => JSON.stringify(complaintBody(n, length));
