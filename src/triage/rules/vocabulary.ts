import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Vocabulary } from './phrase-matcher.js';

const directory = new URL('./vocabulary/', import.meta.url);

export function loadVocabulary(name: string): Vocabulary {
  const vocabulary = parse(readFileSync(new URL(`${name}.yaml`, directory), 'utf8')) as Vocabulary;
  if (!vocabulary?.signals) throw new Error(`vocabulary ${name}.yaml has no signals`);
  return vocabulary;
}

/** SHA-256 over every vocabulary file, in name order: part of the rule-set version. */
export function vocabularyFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(directory).filter((f) => f.endsWith('.yaml')).sort()) {
    hash.update(file).update('\0').update(readFileSync(new URL(file, directory))).update('\0');
  }
  return hash.digest('hex');
}
