import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The one wink-nlp instance of a process. wink-eng-lite-web-model ships its model inside the npm package, so nothing
 * is downloaded at run time; loading it takes about 100 ms once per process.
 */
const nlp = winkNLP(model, ['sbd', 'pos', 'negation']);
const its = nlp.its;

/** Part of speech in one character, so a complaint's tags store as one short string. */
export const POS_CODE: Record<string, string> = {
  NOUN: 'N', PROPN: 'P', VERB: 'V', AUX: 'A', ADJ: 'J', ADV: 'R', PRON: 'O', DET: 'D', ADP: 'I', CCONJ: 'C',
  SCONJ: 'S', PART: 'T', NUM: '#', PUNCT: '.', SYM: '$', INTJ: 'U', X: 'X',
};

const LONG_RUN = /\S{101,}/g;

export interface RawToken {
  /** The word as written. */
  text: string;
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
 * counts, checked against the text so a quote is always the exact words. Linear in the length of the text.
 */
export function tokenise(text: string): RawToken[] {
  // A run of over a hundred characters without a space is no word (a pasted link or key-mashing); wink's tokeniser
  // slows down badly on it, so it is blanked out, keeping every offset where it was.
  const doc = nlp.readDoc(text.replace(LONG_RUN, (run) => ' '.repeat(run.length)));
  const tokens: RawToken[] = [];
  let cursor = 0;
  let breakBefore = true;
  doc.sentences().each((sentence: ItemSentence) => {
    breakBefore = true;
    sentence.tokens().each((t: ItemToken) => {
      const value = t.out();
      const type = t.out(its.type);
      cursor += (t.out(its.precedingSpaces) as string).length;
      let start = cursor;
      if (text.startsWith(value, cursor) === false) {
        const found = text.indexOf(value, cursor);
        start = found >= 0 ? found : cursor;
      }
      cursor = start + value.length;
      if (type === 'tabCRLF' || !value.trim()) {
        if (value.includes('\n')) breakBefore = true;
        return;
      }
      tokens.push({
        text: value,
        lemma: (t.out(its.lemma as never) as string).toLowerCase(),
        pos: POS_CODE[t.out(its.pos) as string] ?? 'X',
        type,
        start,
        end: start + value.length,
        sentenceStart: breakBefore,
      });
      breakBefore = false;
    });
  });
  return tokens;
}
