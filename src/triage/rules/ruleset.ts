import { dataFingerprint } from './ruleset-hash.js';

/**
 * Bump on any change to the rules, the language machinery, the policy files or the model: ruleset.spec.ts checks a
 * SHA-256 of them against ruleset.lock.json, and fails until this is bumped and the lock rewritten
 * (UPDATE_RULESET_LOCK=1, see ruleset.spec.ts for the command). The version stored with every triage also carries a
 * fingerprint of the data files (policy, model), so an edited policy or a retrained model in a
 * deployment never passes unrecorded.
 */
export const RULESET_SEMVER = '4.1.3';

export const RULESET_VERSION = `${RULESET_SEMVER}+${dataFingerprint().slice(0, 8)}`;
