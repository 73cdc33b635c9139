import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

const directory = new URL('./vocabulary/', import.meta.url);

/** Whose act a signal must be for it to count. */
export type ActorRule =
  /** done by the office holder (or by nobody the text names) */
  | 'office_holder'
  /** the office holder is named near it, as doer, receiver or beneficiary */
  | 'involved'
  /** anyone: the words alone are enough */
  | 'any';

export interface SignalSpec {
  /** Plain English for officers: what a match means. Shown beside the quoted words. */
  meaning: string;
  /** How strongly it points towards the step's verdict; negative weights point away. */
  weight: number;
  /** Any one of these phrases is a match (syntax in phrase-matcher.ts). */
  phrases: string[];
  /** Each of these lists must also match nearby for the signal to count (e.g. drinking AND driving). */
  with?: string[][];
  /** How many sentences either side `with` may be found in (default 0: the same sentence). */
  within?: number;
  actor?: ActorRule;
  /** skip: not counted inside quotation marks (someone else's words); only: counted only there. */
  quoted?: 'skip' | 'only' | 'any';
  /** False when the phrase itself contains its negation ("did not reply"). Default true. */
  negatable?: boolean;
  /** A label a rule may group signals by (e.g. "rhetoric", "named_offence"). */
  kind?: string;
}

/** A party that can act in a complaint, and where a complaint about it goes. */
export interface PartySpec {
  meaning: string;
  route?: 'force' | 'pcc' | 'opcc_chief_executive' | 'other_body';
  body?: string;
  phrases: string[];
}

export interface Vocabulary {
  step: string;
  description?: string;
  /** Further files of signals for the same step, in this directory (a long vocabulary split by theme). */
  include?: string[];
  terms?: Record<string, string>;
  signals: Record<string, SignalSpec>;
}

export interface PartiesVocabulary extends Vocabulary {
  parties: Record<string, PartySpec>;
  people: { male: string[]; female: string[]; plural: string[]; unknown: string[] };
  /** Words that mention the office holder only as the person in charge, not as the one who acted. */
  responsibility: string[];
}

export const VOCABULARY_FILES = ['remit', 'criminal-allegation', 'vexatious', 'repetition', 'political', 'conduct'] as const;
export type VocabularyName = (typeof VOCABULARY_FILES)[number];

export function loadVocabulary(name: VocabularyName): Vocabulary {
  const vocabulary = parse(readFileSync(new URL(`${name}.yaml`, directory), 'utf8')) as Vocabulary;
  if (!vocabulary?.signals) throw new Error(`vocabulary ${name}.yaml has no signals`);
  for (const file of vocabulary.include ?? []) {
    if (!/^[\w.-]+\.yaml$/.test(file) || !file.startsWith(`${name}.`)) throw new Error(`vocabulary ${name}.yaml: include "${file}" must be a ${name}.*.yaml file beside it`);
    const part = parse(readFileSync(new URL(file, directory), 'utf8')) as Pick<Vocabulary, 'signals'>;
    if (!part?.signals) throw new Error(`vocabulary ${file} has no signals`);
    for (const [signal, spec] of Object.entries(part.signals)) {
      if (signal in vocabulary.signals) throw new Error(`vocabulary ${file}: signal ${signal} is already defined`);
      vocabulary.signals[signal] = spec;
    }
  }
  for (const [signal, spec] of Object.entries(vocabulary.signals)) {
    if (typeof spec.meaning !== 'string' || typeof spec.weight !== 'number' || !Array.isArray(spec.phrases) || !spec.phrases.length) {
      throw new Error(`vocabulary ${name}.yaml: signal ${signal} needs a meaning, a weight and phrases`);
    }
    const phrases = [...spec.phrases, ...(spec.with ?? []).flat()];
    if (phrases.some((p) => typeof p !== 'string')) {
      throw new Error(`vocabulary ${name}.yaml: signal ${signal} has a phrase that is not text (quote phrases that start with { or contain " #")`);
    }
  }
  return vocabulary;
}

export function loadPartiesVocabulary(): PartiesVocabulary {
  const vocabulary = loadVocabulary('remit') as PartiesVocabulary;
  if (!vocabulary.parties || !vocabulary.people || !vocabulary.responsibility) {
    throw new Error('vocabulary remit.yaml needs parties, people and responsibility');
  }
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
