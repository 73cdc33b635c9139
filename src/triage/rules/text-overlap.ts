const WORD = /[\p{L}\d]+(?:['’-][\p{L}\d]+)*/gu;
const RUN = 3;

/**
 * The longest run of words (at least three) that this text shares with an earlier one, quoted exactly as it stands
 * in this text, so an officer sees in the complaint's own words what it repeats. Linear in both lengths.
 */
export function sharedPassage(text: string, earlier: string): string | null {
  const earlierWords = [...earlier.toLowerCase().matchAll(WORD)].map((m) => m[0]);
  const grams = new Set<string>();
  for (let i = 0; i + RUN <= earlierWords.length; i++) grams.add(earlierWords.slice(i, i + RUN).join(' '));
  const words = [...text.matchAll(WORD)].map((m) => ({ word: m[0].toLowerCase(), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  let best: [number, number] | null = null;
  let runStart = -1;
  for (let i = 0; i + RUN <= words.length; i++) {
    const inEarlier = grams.has(words.slice(i, i + RUN).map((w) => w.word).join(' '));
    if (inEarlier && runStart < 0) runStart = i;
    if ((!inEarlier || i + RUN === words.length) && runStart >= 0) {
      const last = inEarlier ? i + RUN - 1 : i + RUN - 2;
      if (!best || last - runStart > best[1] - best[0]) best = [runStart, last];
      runStart = -1;
    }
  }
  return best ? text.slice(words[best[0]].start, words[best[1]].end) : null;
}
