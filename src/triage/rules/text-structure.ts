/** Sentences and quotations of a complaint's text, found in one linear pass each. */

const SENTENCE_END = /[.!?]+['"’”)]*\s+|\n+/g;
const ABBREVIATION = /(?:^|[\s(])(?:mr|mrs|ms|mx|dr|st|no|cllr|prof|rev|sgt|insp|det|supt|approx|etc|vs|e\.g|i\.e|[a-z])$/i;

/** Start offsets of every sentence; a line break always ends one, "Mr." and initials never do. */
export function splitSentences(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(SENTENCE_END)) {
    const at = m.index ?? 0;
    if (m[0][0] !== '\n' && ABBREVIATION.test(text.slice(Math.max(0, at - 6), at))) continue;
    const next = at + m[0].length;
    if (next < text.length && next > starts[starts.length - 1]) starts.push(next);
  }
  return starts;
}

const MAX_QUOTE = 600;
const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '"': '"', "'": "'" };

/**
 * Spans of quoted words, quotation marks included. A straight or curly apostrophe between two letters
 * (don't, Commissioner's) is not a quotation mark; a quotation left open at a paragraph end is dropped.
 */
export function findQuotes(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open: { at: number; mark: string } | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (open && (i - open.at > MAX_QUOTE || (ch === '\n' && text[i + 1] === '\n'))) open = null;
    if (!(ch in OPENERS) && ch !== '”' && ch !== '’') continue;
    const wordBefore = /[\p{L}\d]/u.test(text[i - 1] ?? '');
    const wordAfter = /[\p{L}\d]/u.test(text[i + 1] ?? '');
    const straightOrSingle = ch === "'" || ch === '’' || ch === '‘';
    if (straightOrSingle && wordBefore && wordAfter) continue; // an apostrophe
    if (open) {
      const closes = ch === OPENERS[open.mark] || (open.mark === "'" && ch === '’') || (open.mark === '‘' && ch === "'");
      if (closes && !wordAfter) {
        spans.push([open.at, i]);
        open = null;
      }
    } else if (ch in OPENERS && !wordBefore && i + 1 < text.length && !/\s/.test(text[i + 1])) {
      open = { at: i, mark: ch };
    }
  }
  return spans;
}

/** Index of the last item whose key is at or before `at` (items sorted by key), or -1. */
export function lastAtOrBefore<T>(items: readonly T[], at: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

