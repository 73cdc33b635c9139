/**
 * Turns the phrase lists of a vocabulary file into regular expressions, compiled once when a rule loads.
 *
 * Phrase syntax, kept simple enough for a panel officer to read and review:
 *   word         the word itself, any case, whole word only
 *   word*        any word starting "word" (bribe* matches bribe, bribed, bribery)
 *   (a|b c|d)    any one of the alternatives (an alternative may be several words)
 *   (a|b)?       optionally one of the alternatives
 *   #            a number, in figures or words (12, 1,000, forty, dozens)
 *   _            any one word
 *   ..           up to five words in between, within one sentence ("took .. money")
 *   {term}       a shared list defined under `terms:` in the same file
 *   \*           a literal asterisk (as in f***)
 * Words in a phrase may be separated in the text by spaces, commas, quotation marks or hyphens.
 *
 * Every construct compiles to a pattern without nested unbounded repetition, so matching stays linear in the
 * length of the text (the cost test in phrase-matcher.spec.ts runs every rule over 20,000 adversarial characters).
 */

/** Between the words of a phrase: spaces, commas, quotation marks, brackets, hyphens (never a sentence end). */
const SEP = String.raw`[\s,'"‘’“”()\[\]/–—-]+`;
/** One word of running text: apostrophes and hyphens only inside it, so a word boundary is never ambiguous. */
const WORD = String.raw`\w+(?:['’-]\w+)*`;
const GAP = String.raw`(?:${SEP}${WORD}){0,5}?${SEP}`;
const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty',
  'thirty', 'forty', 'fifty', 'sixty', 'hundred', 'hundreds', 'dozen', 'dozens', 'several', 'countless', 'numerous',
];
const NUMBER = String.raw`(?:\d[\d,.]*(?:k|m|bn|p|%)?|${NUMBER_WORDS.join('|')})`;

export class PhraseSyntaxError extends Error {}

/** The regular-expression source of one phrase (without flags or word boundaries). */
function phraseSource(phrase: string, terms: Record<string, string> = {}): string {
  return new PhraseParser(expandTerms(phrase.trim(), terms), phrase).parseSequence(false);
}

/** One phrase as a global, case-insensitive expression matching whole words. */
export function phraseToRegExp(phrase: string, terms: Record<string, string> = {}): RegExp {
  return wordBounded(phraseSource(phrase, terms));
}

/** Many phrases as one expression, so a signal scans the text once. */
export function phrasesToRegExp(phrases: string[], terms: Record<string, string> = {}): RegExp {
  return wordBounded(phrases.map((p) => `(?:${phraseSource(p, terms)})`).join('|'));
}

function wordBounded(source: string): RegExp {
  return new RegExp(String.raw`(?<!\w)(?<!\w['’])(?:${source})(?!\w)`, 'giu');
}

function expandTerms(phrase: string, terms: Record<string, string>, depth = 0): string {
  if (depth > 3) throw new PhraseSyntaxError(`terms nest too deeply in "${phrase}"`);
  return phrase.replace(/\{(\w+)\}/g, (_, name: string) => {
    const term = terms[name];
    if (term === undefined) throw new PhraseSyntaxError(`unknown term {${name}} in phrase "${phrase}"`);
    return `(${expandTerms(term, terms, depth + 1)})`;
  });
}

/** A tiny recursive-descent parser: sequence := token (space token)*; token := atom '?'?; atom := word | group | '#'. */
class PhraseParser {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly phrase: string,
  ) {}

  parseSequence(inGroup: boolean): string {
    const tokens: Array<{ source: string; optional: boolean; gapBefore: boolean }> = [];
    let gap = false;
    for (;;) {
      this.skipSpaces();
      const ch = this.src[this.i];
      if (ch === undefined || (inGroup && (ch === '|' || ch === ')'))) break;
      if (this.src.startsWith('..', this.i)) {
        this.i += 2;
        gap = tokens.length > 0;
        continue;
      }
      const source = this.parseAtom();
      const optional = this.src[this.i] === '?';
      if (optional) this.i++;
      tokens.push({ source, optional, gapBefore: gap });
      gap = false;
    }
    if (!tokens.length) throw new PhraseSyntaxError(`empty phrase or alternative in "${this.phrase}"`);
    if (!inGroup && this.i < this.src.length) throw new PhraseSyntaxError(`unexpected "${this.src[this.i]}" in "${this.phrase}"`);
    // An optional token takes one separator with it, so "(a|an)? fraud" matches "fraud" and "a fraud".
    if (tokens.every((t) => t.optional)) throw new PhraseSyntaxError(`phrase "${this.phrase}" would match nothing at all`);
    let out = '';
    let started = false;
    for (const t of tokens) {
      const join = t.gapBefore ? GAP : SEP;
      if (!started) out += t.optional ? `(?:${t.source}${SEP})?` : t.source;
      else out += t.optional ? `(?:${join}${t.source})?` : `${join}${t.source}`;
      started ||= !t.optional;
    }
    return out;
  }

  private parseAtom(): string {
    const ch = this.src[this.i];
    if (ch === '(') {
      this.i++;
      const alternatives = [this.parseSequence(true)];
      while (this.src[this.i] === '|') {
        this.i++;
        alternatives.push(this.parseSequence(true));
      }
      if (this.src[this.i] !== ')') throw new PhraseSyntaxError(`unclosed "(" in "${this.phrase}"`);
      this.i++;
      return `(?:${alternatives.join('|')})`;
    }
    if (ch === '_') {
      this.i++;
      return WORD;
    }
    let out = '';
    while (this.i < this.src.length && !/[\s()|?]/.test(this.src[this.i])) {
      const c = this.src[this.i++];
      if (c === '\\' && /[*#_()|?.]/.test(this.src[this.i] ?? '')) out += `\\${this.src[this.i++]}`;
      else if (c === '*') out += String.raw`\w*(?:['’-]\w+)*`;
      else if (c === '#') out += NUMBER;
      else if (c === "'" || c === '’') out += `['’]`;
      else if (c === '-') out += String.raw`[\s-]?`;
      else if (/[\w&£%]/.test(c)) out += c;
      else throw new PhraseSyntaxError(`character "${c}" is not allowed in phrase "${this.phrase}"`);
    }
    if (!out) throw new PhraseSyntaxError(`unexpected "${this.src[this.i]}" in "${this.phrase}"`);
    return out;
  }

  private skipSpaces(): void {
    while (/\s/.test(this.src[this.i] ?? '')) this.i++;
  }
}

export interface RawMatch {
  index: number;
  end: number;
  quote: string;
}

/** Every non-overlapping match of the expression, leftmost-longest as the engine finds them. */
export function matchAll(text: string, pattern: RegExp): RawMatch[] {
  const out: RawMatch[] = [];
  for (const m of text.matchAll(pattern)) {
    const index = m.index ?? 0;
    out.push({ index, end: index + m[0].length, quote: m[0] });
  }
  return out;
}

const NEGATORS =
  /\b(?:not|no|never|neither|nor|without|nothing|nobody|none|cannot|hardly|denied|deny|denies|untrue|false that|no one|no evidence)\b|n['’]t\b/i;
const CLAUSE_BREAK = /[.;:!?()\n,"“”]|\b(?:but|however|although|though|because|whereas|and|while|until|yet|instead|when|if|then|after|before|so|who|which|why|how|what|whether)\b/gi;
/** "should not have closed it", "shouldn't have": criticism of an act that happened, not a denial of it. */
const DEONTIC_BEFORE = /\b(?:should|ought|must)\s*$/i;
const DEONTIC_CONTRACTION = /\b(?:shouldn|mustn|oughtn)['’]t\b/i;
const LOOKBACK_WORDS = 6;
const NEW_SUBJECT = /\b(?:i|he|she|they|we)\b/i;

/**
 * True when a negating word stands earlier in the same clause, within six words of the match, and no new subject
 * starts between them ("when I did not answer he put a note..." does not negate "put").
 */
export function isNegated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 80), index);
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) clauseStart = (m.index ?? 0) + m[0].length;
  const clause = before.slice(clauseStart).trim().split(/\s+/).slice(-LOOKBACK_WORDS).join(' ');
  const negator = lastMatch(clause, NEGATORS);
  if (negator < 0 || NEW_SUBJECT.test(clause.slice(negator).replace(/^\S+/, ''))) return false;
  const raw = before.slice(clauseStart);
  const at = lastMatch(raw, NEGATORS);
  return !DEONTIC_BEFORE.test(raw.slice(0, at)) && !DEONTIC_CONTRACTION.test(raw.slice(Math.max(0, at - 6), at + 3));
}

function lastMatch(text: string, pattern: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(new RegExp(pattern.source, 'gi'))) at = m.index ?? at;
  return at;
}
