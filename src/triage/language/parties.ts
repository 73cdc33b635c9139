import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Who can act in a complaint. `unknown` when the text does not say. */
export const PARTIES = ['office_holder', 'office', 'chief_constable', 'police_officers', 'force', 'other_body', 'person', 'complainant', 'unknown'] as const;
export type Party = (typeof PARTIES)[number];
/** Parties whose acts are someone else's to deal with. */
export const REDIRECT_PARTIES: ReadonlySet<Party> = new Set(['office', 'chief_constable', 'police_officers', 'force', 'other_body']);

interface PartySpec {
  meaning: string;
  phrases?: string[];
  heads?: string[];
  possessed?: string[];
}

interface PartiesPolicy {
  parties: Record<Exclude<Party, 'unknown'>, PartySpec>;
  male: string[];
  female: string[];
}

export const policyDirectory = new URL('../policy/', import.meta.url);

export function readPolicy<T>(name: string): T {
  return parse(readFileSync(new URL(name, policyDirectory), 'utf8')) as T;
}

const policy = readPolicy<PartiesPolicy>('parties.yaml');

export const PARTY_MEANING: Record<Party, string> = {
  ...(Object.fromEntries(Object.entries(policy.parties).map(([k, v]) => [k, v.meaning])) as Record<Exclude<Party, 'unknown'>, string>),
  unknown: 'someone the complaint does not name',
};

/** Head word (lemma) → party. */
export const HEAD_PARTY = new Map<string, Party>();
/** Several-word phrases (lemmas joined by spaces) → party, longest first. */
export const PHRASE_PARTY: Array<{ words: string[]; party: Party }> = [];
/** Heads that are the office's people when the office holder's. */
export const POSSESSED_OFFICE = new Set<string>();
for (const [party, spec] of Object.entries(policy.parties) as Array<[Party, PartySpec]>) {
  for (const head of spec.heads ?? []) if (!HEAD_PARTY.has(head)) HEAD_PARTY.set(head, party);
  for (const phrase of spec.phrases ?? []) PHRASE_PARTY.push({ words: phrase.toLowerCase().split(/\s+/), party });
  for (const head of spec.possessed ?? []) POSSESSED_OFFICE.add(head);
}
PHRASE_PARTY.sort((a, b) => b.words.length - a.words.length);
/** The same phrases by their first word, longest first, so a token looks up only the phrases it can begin. */
export const PHRASES_BY_FIRST_WORD = new Map<string, Array<{ words: string[]; party: Party }>>();
for (const phrase of PHRASE_PARTY) {
  const list = PHRASES_BY_FIRST_WORD.get(phrase.words[0]);
  if (list) list.push(phrase);
  else PHRASES_BY_FIRST_WORD.set(phrase.words[0], [phrase]);
}

export const MALE = new Set(policy.male);
export const FEMALE = new Set(policy.female);
