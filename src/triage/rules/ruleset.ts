import { vocabularyFingerprint } from './vocabulary.js';

/**
 * Bump on any change to the rules or their vocabulary: ruleset.spec.ts checks a SHA-256 of the rule sources and
 * vocabulary files against ruleset.lock.json, and fails until this is bumped and the lock rewritten
 * (UPDATE_RULESET_LOCK=1, see ruleset.spec.ts for the command). The version stored with every triage also carries a
 * fingerprint of the vocabulary files, so an edited phrase list in a deployment never passes unrecorded.
 */
export const RULESET_SEMVER = '2.1.0';

export const RULESET_VERSION = `${RULESET_SEMVER}+${vocabularyFingerprint().slice(0, 8)}`;
