/**
 * Turns the phrase lists of a vocabulary file into matches with the exact words quoted from the complaint.
 *
 * Phrase syntax, kept simple enough for a panel officer to read and review:
 *   word*        any word starting "word" (bribe* matches bribe, bribed, bribery)
 *   (a|b|c)      any one of the alternatives
 *   ..           up to five words in between ("took .. money")
 * Matching ignores case; whole words only.
 */
export interface Signal {
  meaning: string;
  weight: number;
  phrases: string[];
  /** False when the phrase itself already contains the negation ("did not reply"). Default true. */
  negatable?: boolean;
}

export interface Vocabulary {
  step: string;
  description?: string;
  signals: Record<string, Signal>;
  [extra: string]: unknown;
}

export interface PhraseMatch {
  signal: string;
  meaning: string;
  weight: number;
  quote: string;
  index: number;
  negated: boolean;
}

interface CompiledSignal extends Signal {
  name: string;
  patterns: RegExp[];
}

const GAP = String.raw`(?:[\s,]+[\w'’-]+){0,5}?[\s,]+`;
const NEGATORS = /\b(?:not|no|never|neither|nor|without|nothing|nobody|none|cannot|denied|deny|denies)\b|n['’]t\b/i;
const CLAUSE_BREAK = /[.;:!?()\n]|\b(?:but|however|although|though|because|whereas)\b/gi;

export function phraseToRegExp(phrase: string): RegExp {
  const source = phrase
    .trim()
    .replace(/^\.\.\s+|\s+\.\.$/g, '')
    .split(/\s+\.\.\s+/)
    .map(partToSource)
    .join(GAP);
  return new RegExp(String.raw`(?<![\w'’])${source}(?![\w])`, 'giu');
}

function partToSource(part: string): string {
  let out = '';
  for (let i = 0; i < part.length; i++) {
    const ch = part[i];
    if (ch === '(') out += '(?:';
    else if (ch === ')' || ch === '|') out += ch;
    else if (ch === '?' && part[i - 1] === ')') out += '?';
    else if (/\s/.test(ch)) out += /\s/.test(part[i - 1] ?? '') ? '' : String.raw`[\s-]+`;
    else if (ch === '*') out += String.raw`[\w'’-]*`;
    else if (ch === "'" || ch === '’') out += `['’]`;
    else out += ch.replace(/[.+?^${}[\]\\]/g, '\\$&');
  }
  return out;
}

export function compileVocabulary(vocabulary: Vocabulary): CompiledSignal[] {
  return Object.entries(vocabulary.signals).map(([name, signal]) => ({
    ...signal,
    name,
    patterns: signal.phrases.map(phraseToRegExp),
  }));
}

/** True when a negating word stands earlier in the same clause, within a few words of the match. */
export function isNegated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 60), index);
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) clauseStart = (m.index ?? 0) + m[0].length;
  const clause = before.slice(clauseStart).split(/\s+/).slice(-6).join(' ');
  return NEGATORS.test(clause);
}

/** Every match of every signal in text, earliest first; overlapping matches of one signal are kept once. */
export function findMatches(text: string, signals: CompiledSignal[]): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  for (const signal of signals) {
    const taken: Array<[number, number]> = [];
    for (const pattern of signal.patterns) {
      for (const m of text.matchAll(pattern)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        matches.push({
          signal: signal.name,
          meaning: signal.meaning,
          weight: signal.weight,
          quote: m[0],
          index: start,
          negated: signal.negatable !== false && isNegated(text, start),
        });
      }
    }
  }
  return matches.sort((a, b) => a.index - b.index);
}

export const totalWeight = (matches: PhraseMatch[]) => matches.reduce((sum, m) => sum + m.weight, 0);

export const toEvidence = (matches: PhraseMatch[]) =>
  matches.map((m) => ({ quote: m.quote, meaning: m.negated ? `${m.meaning} (negated: not counted)` : m.meaning }));
