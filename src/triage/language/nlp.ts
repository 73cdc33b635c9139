import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readable } from './spelling.js';

/**
 * The one wink-nlp instance of a process. wink-eng-lite-web-model ships its model inside the npm package, so nothing
 * is downloaded at run time; loading it takes about 100 ms once per process.
 */
// wink's own negation is not used: the analysis reads negation by clause (analysis.ts)
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/** Part of speech in one character, so a complaint's tags store as one short string. */
export const POS_CODE: Record<string, string> = {
  NOUN: 'N', PROPN: 'P', VERB: 'V', AUX: 'A', ADJ: 'J', ADV: 'R', PRON: 'O', DET: 'D', ADP: 'I', CCONJ: 'C',
  SCONJ: 'S', PART: 'T', NUM: '#', PUNCT: '.', SYM: '$', INTJ: 'U', X: 'X',
};

const LONG_RUN = /\S{101,}/g;

/**
 * Whether the text may hold a run of over a hundred characters without a space, in one pass: counts only ASCII
 * spaces and line breaks as spaces, so it finds every run LONG_RUN finds (and maybe more); only then is the
 * regular expression run, which tries each position of every word.
 */
function mayHoldLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) run = 0;
    else if (++run > 100) return true;
  }
  return false;
}

export interface RawToken {
  /** The word as read (text-speak and misspellings read as the word meant: "u" is "you"). */
  text: string;
  /** The word as written in the complaint. */
  written: string;
  /** Lower-case lemma ("refused" → "refuse", "commissioner's" → "commissioner", "'s"). */
  lemma: string;
  pos: string;
  /** word, number, url, email, punctuation, emoji, symbol... (wink's token types). */
  type: string;
  start: number;
  end: number;
  /** A sentence starts at this token (wink's sentence boundary, or a line break before it). */
  sentenceStart: boolean;
}

/**
 * Tokens of a text with lemmas, parts of speech and character offsets. Offsets come from wink's preceding-space
 * counts, checked against the text so a quote is always the exact words. Linear in the length of the text; wink's
 * outputs are read a column at a time (one array per property), not token by token, which costs half as much.
 */
export function tokenise(written: string): RawToken[] {
  // text-speak and misspellings are read as the words meant (policy/spelling.yaml); offsets are mapped back, so
  // every token's text and every quote are the complaint's own words
  const reading = readable(written);
  const text = reading.text;
  // A run of over a hundred characters without a space is no word (a pasted link or key-mashing); wink's tokeniser
  // slows down badly on it, so it is blanked out, keeping every offset where it was.
  const doc = nlp.readDoc(mayHoldLongRun(text) ? text.replace(LONG_RUN, (run) => ' '.repeat(run.length)) : text);
  const all = doc.tokens();
  const values = all.out() as string[];
  const lemmas = all.out(its.lemma as never) as unknown as string[];
  const tags = all.out(its.pos) as string[];
  const types = all.out(its.type) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const sentenceStarts = new Set((doc.sentences().out(its.span) as unknown as Array<[number, number]>).map((span) => span[0]));
  const tokens: RawToken[] = [];
  let cursor = 0;
  let breakBefore = true;
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (sentenceStarts.has(k)) breakBefore = true;
    cursor += spaces[k].length;
    let start = cursor;
    if (!text.startsWith(value, cursor)) {
      const found = text.indexOf(value, cursor);
      start = found >= 0 ? found : cursor;
    }
    cursor = start + value.length;
    const type = types[k];
    if (type === 'tabCRLF' || !value.trim()) {
      if (value.includes('\n')) breakBefore = true;
      continue;
    }
    // wink gives no lemma for a contraction written without its apostrophe before punctuation ("i wont.", "he cant."):
    // the word stands for itself rather than crashing the analysis.
    const from = reading.original(start, false);
    const to = reading.original(start + value.length, true);
    tokens.push({ text: value, written: written.slice(from, to), lemma: (lemmas[k] ?? value).toLowerCase(), pos: POS_CODE[tags[k]] ?? 'X', type, start: from, end: to, sentenceStart: breakBefore });
    breakBefore = false;
  }
  return tokens;
}
