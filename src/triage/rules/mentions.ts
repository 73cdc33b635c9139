import { matchAll, phrasesToRegExp } from './phrase-matcher.js';
import { lastAtOrBefore } from './text-structure.js';
import { loadPartiesVocabulary } from './vocabulary.js';

/**
 * Every mention of a party in a complaint (the office holder by role or name, police, other bodies, other people,
 * the writer), and he/she/they resolved to the nearest named mention that fits.
 */

export type Gender = 'm' | 'f' | null;

export interface Mention {
  /** A party key of remit.yaml (office_holder, police, council...), or "person", or "self" (the writer). */
  party: string;
  index: number;
  end: number;
  text: string;
  gender: Gender;
  /** true plural, false singular, null either. */
  plural: boolean | null;
  /** Nouns and he/she/they/I/we can be the doer of an act; him, her, my, their cannot. */
  canAct: boolean;
  pronoun: boolean;
  /** The office holder named only as the person in charge ("I hold her responsible"). */
  responsibility: boolean;
  inQuote: boolean;
  /** A body rather than a person: it can be "they", never "he" or "she". */
  organisation?: boolean;
  /** "you" in a letter that opens "Dear Commissioner": the office holder, fixed, never re-resolved. */
  addressee?: boolean;
}

const vocabulary = loadPartiesVocabulary();
const NOT_AN_ACTOR = 'not_an_actor';
const partyPatterns = Object.entries(vocabulary.parties).map(([party, spec]) => ({ party, pattern: phrasesToRegExp(spec.phrases) }));
const peoplePatterns = (['male', 'female', 'plural', 'unknown'] as const).map((group) => ({ group, pattern: phrasesToRegExp(vocabulary.people[group]) }));
const responsibilityPattern = phrasesToRegExp(vocabulary.responsibility);

const PRONOUNS: Record<string, { gender: Gender; plural: boolean | null; canAct: boolean; self?: boolean }> = {
  he: { gender: 'm', plural: false, canAct: true }, him: { gender: 'm', plural: false, canAct: false },
  his: { gender: 'm', plural: false, canAct: false }, himself: { gender: 'm', plural: false, canAct: false },
  she: { gender: 'f', plural: false, canAct: true }, her: { gender: 'f', plural: false, canAct: false },
  hers: { gender: 'f', plural: false, canAct: false }, herself: { gender: 'f', plural: false, canAct: false },
  they: { gender: null, plural: true, canAct: true }, them: { gender: null, plural: true, canAct: false },
  their: { gender: null, plural: true, canAct: false }, themselves: { gender: null, plural: true, canAct: false },
  i: { gender: null, plural: false, canAct: true, self: true }, me: { gender: null, plural: false, canAct: false, self: true },
  my: { gender: null, plural: false, canAct: false, self: true }, myself: { gender: null, plural: false, canAct: false, self: true },
  we: { gender: null, plural: true, canAct: true, self: true }, us: { gender: null, plural: true, canAct: false, self: true },
  our: { gender: null, plural: true, canAct: false, self: true },
};
const PRONOUN_PATTERN = new RegExp(String.raw`(?<![\w'’])(?:${Object.keys(PRONOUNS).join('|')})(?![\w'’])`, 'gi');
/** "...and one punched him", "another twisted his arm": one of a group named before, acting. */
const ONE_OF_THEM = /(?:\band|,|;|\bthen|\bwhile)\s+(one of them|one|another|the other|the others|both of them|two of them|some of them)(?=\s+(?:\w+ed|hit|struck|kicked|punched|took|grabbed|threw|bit|knelt|stood|held|put|said|told|shouted|swore|spat)\b)/gi;
const TITLED_NAME = /\b(Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady)\.?\s+[A-Z][\w'’-]+/g;
const MALE_TITLES = /^(mr|sir|lord)$/i;
const FEMALE_TITLES = /^(mrs|ms|miss|dame|lady)$/i;
const TITLES = String.raw`(?:mr|mrs|ms|miss|mx|dr|cllr|councillor|sir|dame|lord|lady)\.?\s+`;
/** he/she/they look back at most this far (characters), over the last few named mentions only. */
const ANTECEDENT_REACH = 800;
const ANTECEDENT_CANDIDATES = 12;
const WRITER_DESCRIBED = /(?:^|[.!?\n]\s*)as an?\s+(?:[\w'’-]+\s+){0,4}$/i;
const POSSESSIVE_AFTER = /^['’](?:s\b|\s|$)/;
/** Bodies are "they" or "it", never "he" or "she". */
const ORGANISATIONS = new Set(Object.entries(vocabulary.parties).filter(([, p]) => p.route === 'other_body').map(([k]) => k));
const SALUTATION = /\bdear\s+/gi;
const YOU = /(?<![\w'’])(?:you|your|yourself)(?![\w'’])/gi;
const COLLECTIVE = /^(?:the\s+)?(?:police|force|constabulary|control room|response team|neighbourhood team)$/i;

/** Mentions in text order, never overlapping (where two overlap the longer wins), with the office holder's gender if titled. */
export function findMentions(
  text: string,
  subjectName: string | null,
  quoteAt: (index: number) => unknown,
): { mentions: Mention[]; officeHolderGender: Gender } {
  const name = officeHolderName(subjectName);
  const officeHolderGender = name ? genderFromTitles(text, name.surname) : null;
  return { mentions: pickMentions(text, name?.pattern ?? null, quoteAt), officeHolderGender };
}

function pickMentions(text: string, officeHolderPattern: RegExp | null, quoteAt: (index: number) => unknown): Mention[] {
  const candidates: Array<Mention & { priority: number }> = [];
  const add = (party: string, pattern: RegExp, extra: Partial<Mention>, priority: number) => {
    for (const m of matchAll(text, pattern)) {
      candidates.push({ party, index: m.index, end: m.end, text: m.quote, gender: null, plural: null, canAct: true, pronoun: false, responsibility: false, inQuote: false, priority, ...extra });
    }
  };
  if (officeHolderPattern) add('office_holder', officeHolderPattern, { plural: false }, 3);
  for (const { party, pattern } of partyPatterns) add(party, pattern, party === 'office_holder' ? { plural: false } : {}, 2);
  for (const { group, pattern } of peoplePatterns) {
    add('person', pattern, { gender: group === 'male' ? 'm' : group === 'female' ? 'f' : null, plural: group === 'plural' ? true : group === 'unknown' ? null : false }, 1);
  }
  for (const m of text.matchAll(TITLED_NAME)) {
    const index = m.index ?? 0;
    candidates.push({ party: 'person', index, end: index + m[0].length, text: m[0], gender: MALE_TITLES.test(m[1]) ? 'm' : FEMALE_TITLES.test(m[1]) ? 'f' : null, plural: false, canAct: true, pronoun: false, responsibility: false, inQuote: false, priority: 1 });
  }
  for (const m of text.matchAll(ONE_OF_THEM)) {
    const index = (m.index ?? 0) + m[0].length - m[1].length;
    candidates.push({ party: 'unknown', index, end: index + m[1].length, text: m[1], gender: null, plural: true, canAct: true, pronoun: true, responsibility: false, inQuote: false, priority: 0 });
  }
  addAddressee(text, candidates);
  for (const m of text.matchAll(PRONOUN_PATTERN)) {
    const p = PRONOUNS[m[0].toLowerCase()];
    const index = m.index ?? 0;
    candidates.push({ party: p.self ? 'self' : 'unknown', index, end: index + m[0].length, text: m[0], gender: p.gender, plural: p.plural, canAct: p.canAct, pronoun: !p.self, responsibility: false, inQuote: false, priority: 0 });
  }
  candidates.sort((a, b) => a.index - b.index || b.end - a.end || b.priority - a.priority);
  const kept: Mention[] = [];
  let reached = -1;
  for (const { priority: _, ...c } of candidates) {
    if (c.index < reached) continue;
    kept.push(c);
    reached = c.end;
  }
  const responsibility = matchAll(text, responsibilityPattern);
  const inResponsibility = (index: number) => {
    const r = responsibility[lastAtOrBefore(responsibility, index, (x) => x.index)];
    return r !== undefined && index < r.end;
  };
  return kept
    .filter((m) => m.party !== NOT_AN_ACTOR)
    .map((m) => ({
      ...m,
      party: m.party !== 'self' && !m.pronoun && describesWriter(text, m.index) ? 'self' : m.party,
      // "the mother's testimony": a possessive names whose thing it is, not who acts
      canAct: m.canAct && !POSSESSIVE_AFTER.test(text.slice(m.end, m.end + 3)) && !/['’]s?$/.test(m.text),
      organisation: !m.pronoun && (ORGANISATIONS.has(m.party) || COLLECTIVE.test(m.text)),
      inQuote: quoteAt(m.index) !== null,
      responsibility: inResponsibility(m.index),
    }));
}

/** After "Dear Commissioner," or "Dear Mrs Pryce," (the office holder), "you" and "your" name the office holder. */
function addAddressee(text: string, candidates: Array<Mention & { priority: number }>): void {
  const starts = new Set(candidates.filter((c) => c.party === 'office_holder').map((c) => c.index));
  let from = -1;
  for (const m of text.matchAll(SALUTATION)) {
    const at = (m.index ?? 0) + m[0].length;
    if (starts.has(at)) {
      from = at;
      break;
    }
  }
  if (from < 0) return;
  for (const m of text.slice(from).matchAll(YOU)) {
    const index = from + (m.index ?? 0);
    const canAct = m[0].toLowerCase() === 'you';
    candidates.push({ party: 'office_holder', index, end: index + m[0].length, text: m[0], gender: null, plural: false, canAct, pronoun: true, addressee: true, responsibility: false, inQuote: false, priority: 0 });
  }
}

/** "As a former member of staff, I...": the writer describing themselves. */
function describesWriter(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index);
  return /\bas an?\s/i.test(before) && WRITER_DESCRIBED.test(before);
}

/**
 * he/she/they take the nearest named mention that fits in number and gender; but when the office holder, who
 * the complaint is about, also fits and is named earlier in the same sentence, the office holder is preferred.
 * Only the last few named mentions are candidates, which keeps this linear however long the text.
 */
export function resolvePronouns(mentions: Mention[], sentenceStartOf: (index: number) => number, officeHolderGender: Gender): void {
  const recent: Mention[] = [];
  for (const m of mentions) {
    if (!m.pronoun) {
      if (m.party !== 'self') {
        recent.push(m);
        if (recent.length > ANTECEDENT_CANDIDATES) recent.shift();
      }
      continue;
    }
    if (m.addressee) continue;
    const sentenceStart = sentenceStartOf(m.index);
    let nearest: Mention | null = null;
    // "the Commissioner's office" names whose office it is: a possessive is the antecedent only when no doer fits
    let possessive: Mention | null = null;
    for (let j = recent.length - 1; j >= 0; j--) {
      const a = recent[j];
      if (m.index - a.end > ANTECEDENT_REACH || (nearest && a.index < sentenceStart)) break;
      if (!fits(m, a, officeHolderGender)) continue;
      if (a.party === 'office_holder' && !a.responsibility && a.index >= sentenceStart) {
        nearest = a;
        break;
      }
      if (!a.canAct && m.canAct) {
        possessive ??= a;
        continue;
      }
      nearest ??= a;
    }
    nearest ??= possessive;
    if (nearest) {
      m.party = nearest.party;
      if (nearest.party === 'office_holder' && nearest.responsibility) m.responsibility = true;
    }
  }
}

function fits(pronoun: Mention, a: Mention, officeHolderGender: Gender): boolean {
  if (pronoun.plural === true) return a.plural !== false || a.organisation === true;
  if (a.organisation) return false;
  if (a.plural === true) return false;
  const gender = a.party === 'office_holder' ? (a.gender ?? officeHolderGender) : a.gender;
  return !gender || gender === pronoun.gender;
}

/** The office holder's name as written in the complaint: full name, surname (with or without a title), first name. */
function officeHolderName(subjectName: string | null): { pattern: RegExp; surname: string } | null {
  const words = (subjectName ?? '').replace(new RegExp(`^${TITLES}`, 'i'), '').split(/\s+/).filter((w) => /^[\p{L}'’-]{3,}$/u.test(w));
  if (!words.length) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const surname = escaped[escaped.length - 1];
  const alternatives = [escaped.join(String.raw`\s+`), `(?:${TITLES})?${surname}`, ...(escaped.length > 1 ? [escaped[0]] : [])];
  return { pattern: new RegExp(String.raw`(?<![\w'’])(?:${alternatives.join('|')})(?!\w)`, 'giu'), surname };
}

function genderFromTitles(text: string, surname: string): Gender {
  const m = new RegExp(String.raw`\b(mr|sir|lord|mrs|ms|miss|dame|lady)\.?\s+${surname}\b`, 'i').exec(text);
  return !m ? null : MALE_TITLES.test(m[1]) ? 'm' : 'f';
}
