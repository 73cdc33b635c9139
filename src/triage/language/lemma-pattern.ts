import type { ComplaintAnalysis } from './analysis.types.js';

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
  | { kind: 'word'; word: string; prefix: boolean; optional: boolean }
  | { kind: 'any'; optional: boolean }
  | { kind: 'number'; optional: boolean }
  | { kind: 'alt'; options: Item[][]; optional: boolean };

interface Step {
  items: Item[];
  gapBefore: boolean;
}

export interface CompiledPattern {
  source: string;
  steps: Step[];
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
  return { source, steps: parser.sequence(false) };
}

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
 * "paid-for" is "paid for" (hyphens are passed over like determiners), "others'" is "others".
 */
function normalise(src: string): string {
  return src
    .replace(/’/g, "'")
    .replace(/\b(\w+)n't\b/g, (_, base: string) => `${base === 'wo' || base === 'won' ? 'wo' : base === 'ca' || base === 'can' ? 'ca' : base} n't`)
    .replace(/(\w)'(s|d|ll|re|ve|m)\b/g, "$1 '$2")
    .replace(/(\w)-(?=\w)/g, '$1 ')
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
      item = { kind: 'alt', options, optional: false };
    } else if (this.src[this.i] === '_') {
      this.i++;
      item = { kind: 'any', optional: false };
    } else if (this.src[this.i] === '#' && /[\s()|?]|$/.test(this.src[this.i + 1] ?? '')) {
      this.i++;
      item = { kind: 'number', optional: false };
    } else {
      let word = '';
      while (this.i < this.src.length && !/[\s()|?]/.test(this.src[this.i])) word += this.src[this.i++];
      if (!word) throw new PatternSyntaxError(`unexpected "${this.src[this.i]}" in "${this.original}"`);
      const prefix = word.endsWith('*');
      item = { kind: 'word', word: (prefix ? word.slice(0, -1) : word).replace(/’/g, "'"), prefix, optional: false };
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
  /** Token indices by lemma and by written word, so a pattern is tried only where its first word occurs. */
  private readonly index = new Map<string, number[]>();

  constructor(
    readonly analysis: ComplaintAnalysis,
    text: string,
  ) {
    this.words = analysis.starts.map((s, i) => text.slice(s, analysis.ends[i]).toLowerCase().replace(/’/g, "'"));
    this.sentenceOf = new Int32Array(analysis.lemmas.length);
    let s = 0;
    for (let i = 0; i < analysis.lemmas.length; i++) {
      while (s + 1 < analysis.sentences.length && analysis.sentences[s + 1] <= i) s++;
      this.sentenceOf[i] = s;
      this.add(analysis.lemmas[i], i);
      if (this.words[i] !== analysis.lemmas[i]) this.add(this.words[i], i);
    }
  }

  private add(key: string, i: number): void {
    const list = this.index.get(key);
    if (list) list.push(i);
    else this.index.set(key, [i]);
  }

  positions(key: string): number[] {
    return this.index.get(key) ?? [];
  }

  get length(): number {
    return this.analysis.lemmas.length;
  }

  isFiller(i: number): boolean {
    const pos = this.analysis.pos[i];
    return FILLER_POS.has(pos) || FILLER_WORDS.has(this.words[i]) || POSSESSIVES.has(this.words[i]) || (pos === 'R' && /ly$/.test(this.words[i]));
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

/** Every match of the pattern, leftmost first, not overlapping. */
export function findMatches(view: TokenView, pattern: CompiledPattern): PatternMatch[] {
  const starts = candidateStarts(view, pattern.steps[0].items[0]);
  const out: PatternMatch[] = [];
  let reached = -1;
  for (const start of starts) {
    if (start <= reached) continue;
    const m = matchSteps(view, pattern.steps, 0, start, start, []);
    if (m) {
      out.push(m);
      reached = m.to;
    }
  }
  return out;
}

function candidateStarts(view: TokenView, first: Item): number[] {
  const words = firstWords(first);
  if (!words) return Array.from({ length: view.length }, (_, i) => i);
  const set = new Set<number>();
  for (const { word, prefix } of words) {
    if (!prefix) for (const i of view.positions(word)) set.add(i);
    else for (let i = 0; i < view.length; i++) if (view.wordMatches(i, word, true)) set.add(i);
  }
  return [...set].sort((a, b) => a - b);
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

function matchSteps(view: TokenView, steps: Step[], s: number, at: number, from: number, matched: number[]): PatternMatch | null {
  if (s === steps.length) return { from, to: matched.length ? matched[matched.length - 1] : from, matched };
  const step = steps[s];
  const first = s === 0;
  const sentence = view.sentenceOf[from];
  const reach = first ? 0 : step.gapBefore ? MAX_GAP : MAX_FILLERS;
  for (let skip = 0, k = at; skip <= reach && k < view.length; skip++, k++) {
    if (view.sentenceOf[k] !== sentence) break;
    const ends = matchItem(view, step.items[0], k);
    for (const end of ends) {
      const got = matchSteps(view, steps, s + 1, end + 1, from, end >= k ? [...matched, ...range(k, end)] : matched);
      if (got) return got;
    }
    if (!step.gapBefore && !view.isFiller(k)) break;
  }
  if (step.items[0].optional) return matchSteps(view, steps, s + 1, at, from, matched);
  return null;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** The last token of every way the item matches starting at k (an alternative may be several words). */
function matchItem(view: TokenView, item: Item, k: number): number[] {
  if (item.kind === 'any') return [k];
  if (item.kind === 'number') return view.isNumber(k) ? [k] : [];
  if (item.kind === 'word') return view.wordMatches(k, item.word, item.prefix) ? [k] : [];
  const ends: number[] = [];
  for (const option of item.options) {
    let end = k - 1;
    let ok = true;
    for (const part of option) {
      const next = matchItem(view, part, end + 1);
      if (next.length) end = next[0];
      else if (!part.optional) {
        ok = false;
        break;
      }
    }
    if (ok && end >= k) ends.push(end);
  }
  return ends.sort((a, b) => b - a);
}
