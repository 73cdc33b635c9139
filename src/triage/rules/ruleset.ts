import { vocabularyFingerprint } from './vocabulary.js';

/**
 * Bump on any change to a rule's logic (ruleset.spec.ts checks the rule sources against ruleset.lock.json).
 * The version stored with every triage also carries a fingerprint of the vocabulary files, so an edit to a
 * phrase list in a deployment can never pass unrecorded.
 */
export const RULESET_SEMVER = '1.0.0';

export const RULESET_VERSION = `${RULESET_SEMVER}+${vocabularyFingerprint().slice(0, 8)}`;
