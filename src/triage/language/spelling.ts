import { readPolicy } from './parties.js';

/**
 * Reads text-speak, dropped letters and common misspellings as the words meant (policy/spelling.yaml), before wink
 * tags and lemmatises the text: "he threatend me", "callin me a ...", "u", "msgs". Each changed word keeps where it
 * came from, so every offset (and so every quote shown to officers) is still the complaint's own words.
 * One look-up per word: linear in the text.
 */

interface SpellingPolicy {
  words: Record<string, string>;
  dropped_g: string[];
  censored: { slurs: string[]; swears: string[] };
}

const policy = readPolicy<SpellingPolicy>('spelling.yaml');
const READ_AS = new Map<string, string>(Object.entries(policy.words).map(([k, v]) => [k.toLowerCase(), String(v)]));
for (const word of policy.dropped_g) {
  const bare = word.toLowerCase().replace(/g$/, '');
  if (!READ_AS.has(bare)) READ_AS.set(bare, word);
  READ_AS.set(`${bare}'`, word);
  READ_AS.set(`${bare}’`, word);
}
const SLURS = policy.censored.slurs.map((w) => w.toLowerCase());
const SWEARS = policy.censored.swears.map((w) => w.toLowerCase());
/** What a starred word that fits both a slur and a swear word is read as: a sign for an officer, never an act. */
export const CENSORED_SLUR = 'censoredslur';

// a word with an apostrophe inside or at its end ("sayin'"), or a starred word ("f***ing", "p***")
const WORD = /[\p{L}]\*{2,}[\p{L}*]*|[\p{L}\p{N}]+(?:['’][\p{L}]+)*['’]?/gu;

export interface ReadableText {
  /** The text as the language layer reads it. */
  text: string;
  /** Character offset in the original text of an offset in `text` (an end offset when `end`). */
  original(offset: number, end: boolean): number;
}

interface Change {
  /** Where the reading puts it. */
  from: number;
  to: number;
  /** Where it was written. */
  origFrom: number;
  origTo: number;
}

export function readable(text: string): ReadableText {
  const changes: Change[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const written = m[0];
    const meant = standsAlone(text, m.index!, written) ? meaningOf(written) : null;
    if (meant === null) continue;
    out += text.slice(last, m.index);
    const from = out.length;
    out += matchCase(written, meant);
    changes.push({ from, to: out.length, origFrom: m.index!, origTo: m.index! + written.length });
    last = m.index! + written.length;
  }
  if (!changes.length) return { text, original: (offset) => offset };
  out += text.slice(last);
  return {
    text: out,
    original(offset, end) {
      // the last change starting at or before the offset
      let lo = 0;
      let hi = changes.length - 1;
      let k = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (changes[mid].from <= offset) {
          k = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (k < 0) return offset;
      const c = changes[k];
      if (offset >= c.to) return c.origTo + (offset - c.to);
      // inside a changed word: a token's start is the word's start, its end the word's end
      return end && offset > c.from ? c.origTo : c.origFrom;
    },
  };
}

/**
 * A one-letter word is read as text-speak ("u", "n", "r", "y") only in lower case and standing alone: not an
 * initial ("J. R. Smith", "Plan B"), nor part of "U-turn".
 */
function standsAlone(text: string, at: number, written: string): boolean {
  if (written.length > 1) return text[at + written.length] !== '-' || written.includes('*');
  if (written !== written.toLowerCase()) return false;
  const before = text[at - 1] ?? ' ';
  const after = text[at + 1] ?? ' ';
  return !/[-.&/@]/.test(before) && !/[-.&/@']/.test(after);
}

/** What a written word is read as, or null to read it as written. */
function meaningOf(written: string): string | null {
  if (written.includes('*')) return censored(written.toLowerCase());
  return READ_AS.get(written.toLowerCase()) ?? null;
}

/** "f***ing" is "fucking"; "p***" fits a slur and a swear word alike: a possible slur. */
function censored(word: string): string | null {
  const fits = (candidate: string) => candidate.length === word.length && [...word].every((ch, i) => ch === '*' || ch === candidate[i]);
  const slur = SLURS.find(fits);
  const swear = SWEARS.find(fits);
  if (slur && swear) return CENSORED_SLUR;
  return slur ?? swear ?? null;
}

/** "U" at a sentence's start reads as "You": the tagger takes case into account. */
function matchCase(written: string, meant: string): string {
  return written[0] !== written[0].toLowerCase() ? meant[0].toUpperCase() + meant.slice(1) : meant;
}
