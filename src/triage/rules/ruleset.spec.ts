import { readFileSync, writeFileSync } from 'node:fs';
import { RULESET_SEMVER, RULESET_VERSION } from './ruleset.js';
import { compareSemver, rulesetContentHash, rulesetFiles } from './ruleset-hash.js';

const lockUrl = new URL('./ruleset.lock.json', import.meta.url);

interface RulesetLock {
  semver: string;
  contentHash: string;
}

const HOW_TO_UPDATE =
  'The rules, their language machinery, policy or model changed. Bump RULESET_SEMVER in src/triage/rules/ruleset.ts ' +
  '(patch: wording, minor: new phrases or signals, major: changed logic or verdicts), then rewrite the lock with\n' +
  '  UPDATE_RULESET_LOCK=1 NODE_OPTIONS=--experimental-vm-modules npx jest src/triage/rules/ruleset.spec.ts --selectProjects unit\n' +
  'and commit src/triage/rules/ruleset.lock.json with the change.';

describe('rule-set version', () => {
  const lock = JSON.parse(readFileSync(lockUrl, 'utf8')) as RulesetLock;
  const contentHash = rulesetContentHash();

  it('hashes the rule sources and policy, not the specs', () => {
    const names = rulesetFiles().map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['rules/decide.rule.ts', 'language/analysis.ts', 'policy/offences/assault.yaml', 'policy/conduct.yaml', 'model/model.json']));
    expect(names.some((n) => n.endsWith('.spec.ts'))).toBe(false);
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  if (process.env.UPDATE_RULESET_LOCK) {
    it('rewrites the lock (UPDATE_RULESET_LOCK is set) only when the semantic version was bumped', () => {
      if (contentHash !== lock.contentHash && compareSemver(RULESET_SEMVER, lock.semver) <= 0) {
        throw new Error(`RULESET_SEMVER is still ${RULESET_SEMVER} (the lock has ${lock.semver}): bump it first.\n${HOW_TO_UPDATE}`);
      }
      writeFileSync(lockUrl, `${JSON.stringify({ semver: RULESET_SEMVER, contentHash }, null, 2)}\n`);
    });
    return;
  }

  it('matches ruleset.lock.json: a change to the rules must come with a new version', () => {
    if (contentHash !== lock.contentHash) {
      throw new Error(`rule-set content hash ${contentHash.slice(0, 12)}… differs from the lock (${lock.contentHash.slice(0, 12)}…).\n${HOW_TO_UPDATE}`);
    }
    if (lock.semver !== RULESET_SEMVER) {
      throw new Error(`ruleset.lock.json records ${lock.semver} but RULESET_SEMVER is ${RULESET_SEMVER}.\n${HOW_TO_UPDATE}`);
    }
  });

  it('stores the semantic version and a fingerprint of the policy and model with every triage', () => {
    expect(RULESET_VERSION).toMatch(new RegExp(`^${RULESET_SEMVER.replace(/\./g, '\\.')}\\+[0-9a-f]{8}$`));
  });

  it('compares semantic versions numerically', () => {
    expect(compareSemver('2.0.0', '1.9.9')).toBe(1);
    expect(compareSemver('1.10.0', '1.9.0')).toBe(1);
    expect(compareSemver('2.0.0', '2.0.0')).toBe(0);
    expect(compareSemver('2.0.0', '2.0.1')).toBe(-1);
  });
});
