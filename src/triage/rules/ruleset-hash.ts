import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

const triageDirectory = new URL('../', import.meta.url);

/** Folders whose files make up the rule set: the machinery, the policy the officers read, the model. */
const RULESET_FOLDERS = ['rules/', 'language/', 'policy/', 'policy/offences/', 'model/'];
const isSource = (f: string) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts') && !f.endsWith('.cli.ts');
const isData = (f: string) => f.endsWith('.yaml') || f.endsWith('.json');

function filesOf(filter: (f: string) => boolean): Array<{ name: string; url: URL }> {
  return RULESET_FOLDERS.flatMap((folder) => {
    const dir = new URL(folder, triageDirectory);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names.filter((f) => filter(f) && f !== 'ruleset.lock.json').map((f) => ({ name: `${folder}${f}`, url: new URL(f, dir) }));
  }).sort((a, b) => a.name.localeCompare(b.name));
}

/** The files the rule set is made of: sources (not their specs or command-line tools), policy and model. */
export function rulesetFiles(): Array<{ name: string; url: URL }> {
  return filesOf((f) => isSource(f) || isData(f));
}

/**
 * SHA-256 over every rule-set file (name and content, line endings normalised), so a checkout on any system hashes
 * alike. Only meaningful in the source tree: the build carries .js, not .ts.
 */
export function rulesetContentHash(): string {
  const hash = createHash('sha256');
  for (const file of rulesetFiles()) {
    hash.update(file.name).update('\0').update(readFileSync(file.url, 'utf8').replace(/\r\n/g, '\n')).update('\0');
  }
  return hash.digest('hex');
}

/**
 * SHA-256 over the data files only (policy, model), which the build carries as they are: stored with
 * every triage, so an edited policy file or a retrained model in a deployment never passes unrecorded.
 */
export function dataFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of filesOf(isData)) hash.update(file.name).update('\0').update(readFileSync(file.url, 'utf8').replace(/\r\n/g, '\n')).update('\0');
  return hash.digest('hex');
}

/** -1, 0 or 1 as semantic version a is below, equal to or above b (major.minor.patch only). */
export function compareSemver(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0) ? -1 : 1;
  return 0;
}
