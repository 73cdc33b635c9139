const MAX_QUOTE = 600;
const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '"': '"', "'": "'" };
const LETTER_OR_DIGIT = /[\p{L}\d]/u;

/**
 * Spans of quoted words, quotation marks included, in one pass. A straight or curly apostrophe between two letters
 * (don't, Commissioner's) is not a quotation mark; a quotation left open at a paragraph end or after 600
 * characters is dropped.
 */
export function findQuotes(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open: { at: number; mark: string } | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (open && (i - open.at > MAX_QUOTE || (code === 10 && text.charCodeAt(i + 1) === 10))) open = null;
    // only quotation marks and apostrophes matter: " ' “ ” ‘ ’ (compared as numbers, most characters are none)
    if (code !== 0x22 && code !== 0x27 && code !== 0x201c && code !== 0x201d && code !== 0x2018 && code !== 0x2019) continue;
    const ch = text[i];
    const wordBefore = LETTER_OR_DIGIT.test(text[i - 1] ?? '');
    const wordAfter = LETTER_OR_DIGIT.test(text[i + 1] ?? '');
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
