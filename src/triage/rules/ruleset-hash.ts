import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

const rulesDirectory = new URL('./', import.meta.url);
const vocabularyDirectory = new URL('./vocabulary/', import.meta.url);

/** The files the rule set is made of: rule sources (not their specs) and the vocabulary, in name order. */
export function rulesetFiles(): Array<{ name: string; url: URL }> {
  const sources = readdirSync(rulesDirectory)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'))
    .map((f) => ({ name: f, url: new URL(f, rulesDirectory) }));
  const vocabulary = readdirSync(vocabularyDirectory)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: `vocabulary/${f}`, url: new URL(f, vocabularyDirectory) }));
  return [...sources, ...vocabulary].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * SHA-256 over every rule source and vocabulary file (name and content, line endings normalised), so a checkout
 * on any system hashes alike. Only meaningful in the source tree: the build carries .js, not .ts.
 */
export function rulesetContentHash(): string {
  const hash = createHash('sha256');
  for (const file of rulesetFiles()) {
    hash.update(file.name).update('\0').update(readFileSync(file.url, 'utf8').replace(/\r\n/g, '\n')).update('\0');
  }
  return hash.digest('hex');
}

/** -1, 0 or 1 as semantic version a is below, equal to or above b (major.minor.patch only). */
export function compareSemver(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0) ? -1 : 1;
  return 0;
}
