import type { ComplaintAnalysis } from './analysis.types.js';
import { findQuotes } from './quotes.js';

/**
 * Patterns over lemmas, so "refuse to meet" matches "refused to meet", "refuses to meet" and "refusing to meet".
 *
 * Syntax (kept readable for a panel officer):
 *   word        the lemma (or the word as written), any case: "push" matches push, pushed, pushing
 *   word*       any lemma starting so: "bribe*" matches bribe, bribery
 *   (a|b c|d)   any one of the alternatives; an alternative may be several words
 *   x?          optional
 *   {class}     one of the words of a shared class (policy/classes.yaml), e.g. {someone}, {money}
 *   ..          up to six words in between, within the sentence
 *   _           any one word
 *   #           a number ("12", "twelve", "1,200")
 * Between two words of a pattern the text may put determiners, possessives and adjectives ("took the
 * commissioner's own car", "refused to meet the local group"): up to three, never across a sentence end.
 */

export type Classes = Record<string, string[]>;

type Item =
  | { kind: 'word'; word: string; prefix: boolean; optional: boolean; /** The word's number (see wordId); -1 for a prefix. */ id: number }
  | { kind: 'any'; optional: boolean }
  | { kind: 'number'; optional: boolean }
  | { kind: 'alt'; options: Item[][]; optional: boolean; index?: AltIndex };

interface Step {
  items: Item[];
  gapBefore: boolean;
}

export interface CompiledPattern {
  source: string;
  steps: Step[];
  /**
   * Words the text must hold for the pattern to match: for each required part after the first, the words one of
   * which it must begin with, and how many tokens after the match's first token that word can stand at most. A
   * complaint lacking all of one part's words is never tried, nor a start with none of them near enough after it in
   * its sentence (see PatternSet).
   */
  required: Required[];
}

interface Required {
  words: number[];
  within: number;
}

/**
 * Every word any pattern names, numbered as patterns compile: a token is looked up here once per analysis, and from
 * then on patterns compare numbers, not strings. Words no pattern names have no number.
 */
const vocabulary = new Map<string, number>();

function wordId(word: string): number {
  let id = vocabulary.get(word);
  if (id === undefined) vocabulary.set(word, (id = vocabulary.size));
  return id;
}

export interface PatternMatch {
  /** First and last token of the match (inclusive). */
  from: number;
  to: number;
  /** Tokens that matched a word of the pattern (not fillers), in order. */
  matched: number[];
}

export class PatternSyntaxError extends Error {}

const FILLER_POS = new Set(['D', 'J', '#']);
const FILLER_WORDS = new Set(["'s", "'", '-', '–', 'own', 'very', 'really', 'so', 'all', 'just', 'even', 'also', 'then']);
const POSSESSIVES = new Set(['my', 'his', 'her', 'their', 'our', 'your', 'its']);
const MAX_FILLERS = 3;
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty', 'fifty', 'hundred', 'hundreds', 'dozen', 'dozens', 'several', 'countless', 'numerous', 'thousand', 'thousands']);
const MAX_GAP = 6;

export function compilePattern(source: string, classes: Classes = {}): CompiledPattern {
  const parser = new Parser(normalise(expand(source.trim().toLowerCase(), classes, source)), source);
  const steps = parser.sequence(false);
  return { source, steps, required: requiredWords(steps) };
}

/**
 * For each part after the first that a match cannot do without, the words it can begin with (lemma or word as
 * written); parts that may begin with any word, a number or a prefix (word*) require nothing. A part can only match
 * at a token whose lemma or written word is one of these, so a text holding none of them cannot match.
 */
function requiredWords(steps: Step[]): Required[] {
  const out: Required[] = [];
  // how far after the first token part s can begin at most: each part before it at its longest, and the fillers or
  // gap before each part (see matchSteps: part s is sought from the token after part s - 1, up to its reach further)
  let within = longest(steps[0].items[0]);
  for (const step of steps.slice(1)) {
    const reach = step.gapBefore ? MAX_GAP : MAX_FILLERS;
    const words = firstWords(step.items[0]);
    if (words && !words.some((w) => w.prefix)) {
      const distinct = [...new Set(words.map((w) => wordId(w.word)))];
      // a long list (a class of a hundred people) is nearly always met and costs as many look-ups to check: skipped
      if (distinct.length <= MAX_REQUIRED_WORDS) out.push({ words: distinct, within: within + reach });
    }
    within += reach + longest(step.items[0]);
  }
  // the shortest lists first: the cheapest to check and the likeliest to rule a pattern out
  return out.sort((a, b) => a.words.length - b.words.length);
}

/** The most tokens an item can match: one for a word, the longest alternative's for a choice. */
function longest(item: Item): number {
  if (item.kind !== 'alt') return 1;
  let most = 0;
  for (const option of item.options) {
    let length = 0;
    for (const part of option) length += longest(part);
    most = Math.max(most, length);
  }
  return most;
}

const MAX_REQUIRED_WORDS = 12;

function expand(src: string, classes: Classes, original: string, depth = 0): string {
  if (depth > 3) throw new PatternSyntaxError(`classes nest too deeply in "${original}"`);
  return src.replace(/\{(\w+)\}/g, (_, name: string) => {
    const words = classes[name];
    if (!words) throw new PatternSyntaxError(`unknown class {${name}} in "${original}"`);
    return `(${words.map((w) => expand(w.toLowerCase(), classes, original, depth + 1)).join('|')})`;
  });
}

/**
 * Writes a pattern the way the tokeniser splits text: "didn't" is "did n't", "won't" is "wo n't", "£5" is "£ 5",
 * "paid-for" is "paid-for" or "paid for" (a hyphen between words is passed over like a determiner), "others'" is
 * "others".
 */
function normalise(src: string): string {
  return src
    .replace(/’/g, "'")
    .replace(/\b(\w+)n't\b/g, (_, base: string) => `${base === 'wo' || base === 'won' ? 'wo' : base === 'ca' || base === 'can' ? 'ca' : base} n't`)
    .replace(/(\w)'(s|d|ll|re|ve|m)\b/g, "$1 '$2")
    // the tokeniser keeps some hyphenated words whole ("re-elect", "e-mail") and splits others ("able - bodied")
    .replace(/\b\w+(?:-\w+)+\*?/g, (word) => `(${word}|${word.replace(/-/g, ' ')})`)
    .replace(/(\w)'(?=[\s)|]|$)/g, '$1')
    .replace(/£(?=\S)/g, '£ ');
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly original: string,
  ) {}

  sequence(inGroup: boolean): Step[] {
    const steps: Step[] = [];
    let gap = false;
    for (;;) {
      while (this.src[this.i] === ' ') this.i++;
      const ch = this.src[this.i];
      if (ch === undefined || (inGroup && (ch === '|' || ch === ')'))) break;
      if (this.src.startsWith('..', this.i)) {
        this.i += 2;
        gap = true;
        continue;
      }
      steps.push({ items: [this.atom()], gapBefore: gap && steps.length > 0 });
      gap = false;
    }
    if (!steps.length) throw new PatternSyntaxError(`empty pattern or alternative in "${this.original}"`);
    if (!inGroup && this.i < this.src.length) throw new PatternSyntaxError(`unexpected "${this.src[this.i]}" in "${this.original}"`);
    return steps;
  }

  private atom(): Item {
    let item: Item;
    if (this.src[this.i] === '(') {
      this.i++;
      const options = [this.sequence(true).map((s) => s.items[0])];
      while (this.src[this.i] === '|') {
        this.i++;
        options.push(this.sequence(true).map((s) => s.items[0]));
      }
      if (this.src[this.i] !== ')') throw new PatternSyntaxError(`unclosed "(" in "${this.original}"`);
      this.i++;
      // the longest alternative first, so a quote takes in "chief constable" rather than "chief"
      options.sort((a, b) => b.length - a.length);
      item = { kind: 'alt', options, optional: false };
    } else if (this.src[this.i] === '_') {
      this.i++;
      item = { kind: 'any', optional: false };
    } else if (this.src[this.i] === '#' && (this.i + 1 === this.src.length || /[\s()|?]/.test(this.src[this.i + 1]))) {
      this.i++;
      item = { kind: 'number', optional: false };
    } else {
      let word = '';
      while (this.i < this.src.length && !/[\s()|?]/.test(this.src[this.i])) word += this.src[this.i++];
      if (!word) throw new PatternSyntaxError(`unexpected "${this.src[this.i]}" in "${this.original}"`);
      const prefix = word.endsWith('*');
      const text = (prefix ? word.slice(0, -1) : word).replace(/’/g, "'");
      item = { kind: 'word', word: text, prefix, optional: false, id: prefix ? -1 : wordId(text) };
    }
    if (this.src[this.i] === '?') {
      this.i++;
      item.optional = true;
    }
    return item;
  }
}

/** The tokens a complaint's analysis offers a matcher: lemma and word, part of speech, sentence. */
export class TokenView {
  readonly words: string[];
  readonly sentenceOf: Int32Array;
  /** 1 where the token stands inside quotation marks (someone's words, as said). */
  readonly quoted: Uint8Array;
  /** Sentences in which the office holder is named (by name, title or a pronoun taken to be them). */
  readonly officeHolderSentences: Set<number>;
  /** Token indices by lemma and by written word, built on first use (the matcher reads numbered words instead). */
  private index: Map<string, number[]> | null = null;

  constructor(
    readonly analysis: ComplaintAnalysis,
    readonly text: string,
  ) {
    const n = analysis.lemmas.length;
    this.words = new Array<string>(n);
    this.sentenceOf = new Int32Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const written = text.slice(analysis.starts[i], analysis.ends[i]).toLowerCase();
      this.words[i] = written.includes('’') ? written.replace(/’/g, "'") : written;
      while (s + 1 < analysis.sentences.length && analysis.sentences[s + 1] <= i) s++;
      this.sentenceOf[i] = s;
    }
    this.quoted = new Uint8Array(n);
    let k = 0;
    for (const [from, to] of findQuotes(text)) {
      while (k < n && analysis.starts[k] <= from) k++;
      for (let j = k; j < n && analysis.starts[j] < to; j++) this.quoted[j] = 1;
    }
    this.officeHolderSentences = new Set(analysis.mentions.filter((m) => m.party === 'office_holder').map((m) => this.sentenceOf[m.token]));
  }

  /** The office holder is named in sentence s or within `within` sentences of it. */
  officeHolderNear(sentence: number, within: number): boolean {
    for (let d = -within; d <= within; d++) if (this.officeHolderSentences.has(sentence + d)) return true;
    return false;
  }

  private heads: [string[], string[]] | null = null;
  private numbered: { lemmaIds: Int32Array; wordIds: Int32Array; present: Uint8Array; vocabularySize: number } | null = null;
  private fillers: Uint8Array | null = null;
  private byId: { offsets: Int32Array; positions: Int32Array; vocabularySize: number } | null = null;

  /**
   * Where each numbered word stands: the positions of word w are positions[offsets[w]] up to positions[offsets[w + 1]],
   * in order (a token counts under its lemma and, when different, its written word).
   */
  positionsById(): { offsets: Int32Array; positions: Int32Array } {
    const { lemmaIds, wordIds } = this.ids();
    if (this.byId && this.byId.vocabularySize === vocabulary.size) return this.byId;
    const size = vocabulary.size;
    const offsets = new Int32Array(size + 1);
    const n = lemmaIds.length;
    for (let i = 0; i < n; i++) {
      if (lemmaIds[i] >= 0) offsets[lemmaIds[i] + 1]++;
      if (wordIds[i] >= 0) offsets[wordIds[i] + 1]++;
    }
    for (let w = 0; w < size; w++) offsets[w + 1] += offsets[w];
    const positions = new Int32Array(offsets[size]);
    const next = offsets.slice(0, size);
    for (let i = 0; i < n; i++) {
      if (lemmaIds[i] >= 0) positions[next[lemmaIds[i]]++] = i;
      if (wordIds[i] >= 0) positions[next[wordIds[i]]++] = i;
    }
    this.byId = { offsets, positions, vocabularySize: size };
    return this.byId;
  }

  /**
   * Each token's lemma and written word as numbers of the pattern vocabulary (-1: no pattern names it; a written word
   * the same as its lemma is -1 too, being looked up by the lemma), and which numbers occur in the text. Numbered
   * again if patterns compiled since added words.
   */
  ids(): { lemmaIds: Int32Array; wordIds: Int32Array; present: Uint8Array } {
    if (this.numbered && this.numbered.vocabularySize === vocabulary.size) return this.numbered;
    const lemmas = this.analysis.lemmas;
    const n = lemmas.length;
    const lemmaIds = new Int32Array(n);
    const wordIds = new Int32Array(n);
    const present = new Uint8Array(vocabulary.size);
    for (let i = 0; i < n; i++) {
      const lemma = vocabulary.get(lemmas[i]) ?? -1;
      const word = this.words[i] === lemmas[i] ? -1 : (vocabulary.get(this.words[i]) ?? -1);
      lemmaIds[i] = lemma;
      wordIds[i] = word;
      if (lemma >= 0) present[lemma] = 1;
      if (word >= 0) present[word] = 1;
    }
    this.numbered = { lemmaIds, wordIds, present, vocabularySize: vocabulary.size };
    return this.numbered;
  }

  /** The first letters of each token's lemma, by which prefixes (word*) are looked up; computed once per view. */
  lemmaHeads(): string[] {
    return (this.heads ??= this.computeHeads())[0];
  }

  /** The first letters of each token as written. */
  wordHeads(): string[] {
    return (this.heads ??= this.computeHeads())[1];
  }

  private computeHeads(): [string[], string[]] {
    const lemmas = this.analysis.lemmas;
    const n = lemmas.length;
    const byLemma = new Array<string>(n);
    const byWord = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      byLemma[i] = lemmas[i].slice(0, PREFIX_KEY);
      byWord[i] = this.words[i] === lemmas[i] ? byLemma[i] : this.words[i].slice(0, PREFIX_KEY);
    }
    return [byLemma, byWord];
  }

  private byKey(): Map<string, number[]> {
    if (!this.index) {
      const index = new Map<string, number[]>();
      const add = (key: string, i: number) => {
        const list = index.get(key);
        if (list) list.push(i);
        else index.set(key, [i]);
      };
      const lemmas = this.analysis.lemmas;
      for (let i = 0; i < lemmas.length; i++) {
        add(lemmas[i], i);
        if (this.words[i] !== lemmas[i]) add(this.words[i], i);
      }
      this.index = index;
    }
    return this.index;
  }

  positions(key: string): number[] {
    return this.byKey().get(key) ?? [];
  }

  has(key: string): boolean {
    return this.byKey().has(key);
  }

  get length(): number {
    return this.analysis.lemmas.length;
  }

  isFiller(i: number): boolean {
    if (!this.fillers) {
      this.fillers = new Uint8Array(this.length);
      for (let k = 0; k < this.length; k++) this.fillers[k] = this.fillerAt(k) ? 1 : 0;
    }
    return this.fillers[i] === 1;
  }

  private fillerAt(i: number): boolean {
    const pos = this.analysis.pos[i];
    const word = this.words[i];
    return FILLER_POS.has(pos) || FILLER_WORDS.has(word) || POSSESSIVES.has(word) || (pos === 'R' && word.endsWith('ly'));
  }

  isNumber(i: number): boolean {
    return this.analysis.pos[i] === '#' || NUMBER_WORDS.has(this.words[i]);
  }

  wordMatches(i: number, word: string, prefix: boolean): boolean {
    const lemma = this.analysis.lemmas[i];
    const written = this.words[i];
    return prefix ? lemma.startsWith(word) || written.startsWith(word) : lemma === word || written === word;
  }
}

const views = new WeakMap<ComplaintAnalysis, TokenView>();

/** The token view of an analysis, built once however many steps read it (the analysis object is the key). */
export function viewOf(analysis: ComplaintAnalysis, text: string): TokenView {
  let view = views.get(analysis);
  if (!view) views.set(analysis, (view = new TokenView(analysis, text)));
  return view;
}

/** Every match of the pattern, leftmost first, not overlapping. */
export function findMatches(view: TokenView, pattern: CompiledPattern): PatternMatch[] {
  const set = new PatternSet<null>();
  set.add(pattern, null);
  return set.matchAll(view);
}

interface Entry<T> {
  id: number;
  pattern: CompiledPattern;
  payload: T;
}

/** A prefix of a first word is looked up by its first letters, so a prefix costs nothing where they do not occur. */
const PREFIX_KEY = 3;

/**
 * Many patterns matched in one pass over a complaint: each token looks up only the patterns whose first word it is
 * (by lemma or as written, or by the first letters of a prefix), so the cost is linear in the text's length and
 * does not grow with the number of patterns that cannot start there. A pattern must begin with a word.
 */
export class PatternSet<T> {
  /** Patterns by the number of a word they can begin with (an array: a token's look-up is one index). */
  private readonly byWord: Array<Array<Entry<T>> | undefined> = [];
  private readonly byPrefix = new Map<string, Array<{ prefix: string; entry: Entry<T> }>>();
  private size = 0;

  add(pattern: CompiledPattern, payload: T): void {
    const words = firstWords(pattern.steps[0].items[0]);
    if (!words) throw new PatternSyntaxError(`a pattern must begin with a word (not _, # or an optional part): "${pattern.source}"`);
    const entry: Entry<T> = { id: this.size++, pattern, payload };
    for (const { word, prefix } of words) {
      if (prefix) {
        if (word.length < PREFIX_KEY) throw new PatternSyntaxError(`a word ending in * needs at least ${PREFIX_KEY} letters before it: "${pattern.source}"`);
        push(this.byPrefix, word.slice(0, PREFIX_KEY), { prefix: word, entry });
      } else {
        const id = wordId(word);
        while (this.byWord.length <= id) this.byWord.push(undefined);
        (this.byWord[id] ??= []).push(entry);
      }
    }
  }

  /** Every match of every pattern, each pattern's matches leftmost first and not overlapping, in text order. */
  matchAll(view: TokenView): Array<PatternMatch & { payload: T }> {
    const out: Array<PatternMatch & { payload: T }> = [];
    const reached = new Int32Array(this.size).fill(-1);
    const tried = new Int32Array(this.size).fill(-1);
    /** 0: not yet known; 1: the text holds a word of every required part; 2: it does not, so it never matches. */
    const viable = new Uint8Array(this.size);
    const matched: number[] = [];
    const attempt = (entry: Entry<T>, i: number) => {
      if (tried[entry.id] === i || reached[entry.id] >= i) return;
      tried[entry.id] = i;
      if (viable[entry.id] === 0) viable[entry.id] = holdsRequired(present, entry.pattern.required) ? 1 : 2;
      if (viable[entry.id] === 2 || !requiredNear(view, entry.pattern.required, i)) return;
      matched.length = 0;
      const to = matchSteps(view, entry.pattern.steps, 0, i, i, matched);
      if (to < 0) return;
      reached[entry.id] = to;
      out.push({ from: i, to, matched: matched.slice(), payload: entry.payload });
    };
    const lemmas = view.analysis.lemmas;
    const words = view.words;
    const { lemmaIds, wordIds, present } = view.ids();
    const prefixes = this.byPrefix.size > 0;
    const lemmaHeads = prefixes ? view.lemmaHeads() : NONE;
    const wordHeads = prefixes ? view.wordHeads() : NONE;
    for (let i = 0; i < lemmas.length; i++) {
      const lemmaId = lemmaIds[i];
      const wordId = wordIds[i];
      if (lemmaId >= 0) {
        const byLemma = this.byWord[lemmaId];
        if (byLemma) for (const e of byLemma) attempt(e, i);
      }
      if (wordId >= 0) {
        const byWritten = this.byWord[wordId];
        if (byWritten) for (const e of byWritten) attempt(e, i);
      }
      if (prefixes) {
        const lemma = lemmas[i];
        const word = words[i];
        const lemmaHead = lemmaHeads[i];
        const wordHead = wordHeads[i];
        const first = this.byPrefix.get(lemmaHead);
        if (first) for (const p of first) if (lemma.startsWith(p.prefix) || word.startsWith(p.prefix)) attempt(p.entry, i);
        if (word !== lemma && wordHead !== lemmaHead) {
          const second = this.byPrefix.get(wordHead);
          if (second) for (const p of second) if (lemma.startsWith(p.prefix) || word.startsWith(p.prefix)) attempt(p.entry, i);
        }
      }
    }
    return out;
  }
}

const NONE: never[] = [];

function holdsRequired(present: Uint8Array, required: Required[]): boolean {
  for (const { words } of required) {
    let found = false;
    for (let w = 0; w < words.length && !found; w++) found = present[words[w]] === 1;
    if (!found) return false;
  }
  return true;
}

/** Every required part has one of its words after token i, near enough and in i's sentence. */
function requiredNear(view: TokenView, required: Required[], i: number): boolean {
  if (!required.length) return true;
  const { offsets, positions } = view.positionsById();
  const sentenceOf = view.sentenceOf;
  const sentence = sentenceOf[i];
  for (const { words, within } of required) {
    const last = i + within;
    let found = false;
    for (let w = 0; w < words.length && !found; w++) {
      // the first position of this word after i (positions of a word are in order)
      let lo = offsets[words[w]];
      let hi = offsets[words[w] + 1];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (positions[mid] <= i) lo = mid + 1;
        else hi = mid;
      }
      found = lo < offsets[words[w] + 1] && positions[lo] <= last && sentenceOf[positions[lo]] === sentence;
    }
    if (!found) return false;
  }
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The words a match can begin with, or null when it can begin anywhere (a leading _ or optional item). */
function firstWords(item: Item): Array<{ word: string; prefix: boolean }> | null {
  if (item.optional || item.kind === 'any' || item.kind === 'number') return null;
  if (item.kind === 'word') return [{ word: item.word, prefix: item.prefix }];
  const out: Array<{ word: string; prefix: boolean }> = [];
  for (const option of item.options) {
    const words = firstWords(option[0]);
    if (!words) return null;
    out.push(...words);
  }
  return out;
}

/**
 * Matches steps s.. from token `at`; returns the last matched token (or `from` when the rest is optional), or -1.
 * `matched` collects the tokens that matched a word of the pattern; on failure it is left as it was.
 */
function matchSteps(view: TokenView, steps: Step[], s: number, at: number, from: number, matched: number[]): number {
  if (s === steps.length) return matched.length ? matched[matched.length - 1] : from;
  const step = steps[s];
  const item = step.items[0];
  const sentence = view.sentenceOf[from];
  const reach = s === 0 ? 0 : step.gapBefore ? MAX_GAP : MAX_FILLERS;
  const mark = matched.length;
  for (let skip = 0, k = at; skip <= reach && k < view.length; skip++, k++) {
    if (view.sentenceOf[k] !== sentence) break;
    if (item.kind === 'alt') {
      for (const option of optionsAt(view, item, k)) {
        const end = matchOption(view, option, k, matched);
        if (end >= k) {
          const got = matchSteps(view, steps, s + 1, end + 1, from, matched);
          if (got >= 0) return got;
        }
        matched.length = mark;
      }
    } else if (matchOne(view, item, k)) {
      matched.push(k);
      const got = matchSteps(view, steps, s + 1, k + 1, from, matched);
      if (got >= 0) return got;
      matched.length = mark;
    }
    if (!step.gapBefore && !view.isFiller(k)) break;
  }
  if (item.optional) return matchSteps(view, steps, s + 1, at, from, matched);
  return -1;
}

/**
 * The alternatives of an item that can start at token k, longest first. Looked up by the token's lemma and word
 * (and the first letters of a prefix) rather than tried one by one, so a class of a hundred words costs one look-up.
 */
function optionsAt(view: TokenView, item: Extract<Item, { kind: 'alt' }>, k: number): Item[][] {
  const index = (item.index ??= indexAlternatives(item));
  const { lemmaIds, wordIds } = view.ids();
  const byLemma = lemmaIds[k] >= 0 ? index.byWord.get(lemmaIds[k]) : undefined;
  const byWritten = wordIds[k] >= 0 ? index.byWord.get(wordIds[k]) : undefined;
  let byPrefix: Item[][] | undefined;
  if (index.byPrefix.size) {
    const lemma = view.analysis.lemmas[k];
    const word = view.words[k];
    const lemmaHead = view.lemmaHeads()[k];
    const wordHead = view.wordHeads()[k];
    const first = index.byPrefix.get(lemmaHead);
    if (first) for (const p of first) if (lemma.startsWith(p.prefix) || word.startsWith(p.prefix)) (byPrefix ??= []).push(...p.options);
    if (wordHead !== lemmaHead) {
      const second = index.byPrefix.get(wordHead);
      if (second) for (const p of second) if (lemma.startsWith(p.prefix) || word.startsWith(p.prefix)) (byPrefix ??= []).push(...p.options);
    }
  }
  const anywhere = index.anywhere.length ? index.anywhere : undefined;
  // the common case: the token begins alternatives from one list only, or none
  const lists = (byLemma ? 1 : 0) + (byWritten ? 1 : 0) + (byPrefix ? 1 : 0) + (anywhere ? 1 : 0);
  if (lists === 0) return NONE;
  if (lists === 1) return byLemma ?? byWritten ?? byPrefix ?? anywhere!;
  const found: Item[][] = [];
  for (const list of [byLemma, byWritten, byPrefix, anywhere]) if (list) for (const option of list) if (!found.includes(option)) found.push(option);
  found.sort((a, b) => index.order.get(a)! - index.order.get(b)!);
  return found;
}

interface AltIndex {
  /** Alternatives by the number of a word they begin with. */
  byWord: Map<number, Item[][]>;
  /** Alternatives beginning with a prefix (word*), by the prefix's first letters. */
  byPrefix: Map<string, Array<{ prefix: string; options: Item[][] }>>;
  /** Alternatives that may begin with anything (an optional or any-word first part). */
  anywhere: Item[][];
  order: Map<Item[], number>;
}

function indexAlternatives(item: Extract<Item, { kind: 'alt' }>): AltIndex {
  const index: AltIndex = { byWord: new Map(), byPrefix: new Map(), anywhere: [], order: new Map() };
  item.options.forEach((option, n) => {
    index.order.set(option, n);
    const words = firstWords(option[0]);
    if (!words) index.anywhere.push(option);
    else {
      for (const { word, prefix } of words) {
        if (!prefix) push(index.byWord, wordId(word), option);
        else if (word.length < PREFIX_KEY) index.anywhere.push(option);
        else push(index.byPrefix, word.slice(0, PREFIX_KEY), { prefix: word, options: [option] });
      }
    }
  });
  return index;
}

function matchOne(view: TokenView, item: Item, k: number): boolean {
  if (item.kind === 'any') return true;
  if (item.kind === 'number') return view.isNumber(k);
  if (item.kind === 'word') {
    if (item.prefix) return view.wordMatches(k, item.word, true);
    const { lemmaIds, wordIds } = view.ids();
    return lemmaIds[k] === item.id || wordIds[k] === item.id;
  }
  return false;
}

/** One alternative, its words side by side from k: the last token matched, or k - 1 when it matched nothing, or -2. */
function matchOption(view: TokenView, option: Item[], k: number, matched: number[]): number {
  let end = k - 1;
  for (const part of option) {
    const next = end + 1;
    if (next < view.length && view.sentenceOf[next] === view.sentenceOf[k]) {
      if (part.kind === 'alt') {
        let found = -2;
        for (const inner of optionsAt(view, part, next)) {
          const e = matchOption(view, inner, next, matched);
          if (e >= next) {
            found = e;
            break;
          }
        }
        if (found >= next) {
          end = found;
          continue;
        }
      } else if (matchOne(view, part, next)) {
        matched.push(next);
        end = next;
        continue;
      }
    }
    if (!part.optional) return -2;
  }
  return end;
}
