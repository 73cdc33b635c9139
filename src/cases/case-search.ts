/**
 * What the queue's one search box looks for: a reference (typed with or without dashes, in any case, with the letter
 * O for zero or I and L for one), the complainant's name or email, and the words of the complaint.
 */

/** The SQL for a reference's search key; an expression index (complaints_reference_key_idx) serves it. */
export const REFERENCE_KEY_SQL = `translate(replace(c.reference, '-', ''), 'OIL', '011')`;

/**
 * A reference as officers may type it, reduced to its key: upper case, no dashes or spaces, O read as zero and I or L
 * as one. Our references use Crockford's alphabet (no I, L, O or U), so this never confuses two of them.
 * Null when the text cannot be (the start of) a reference.
 */
export function referenceKey(typed: string): string | null {
  const key = typed.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[A-Z0-9]{3,40}$/.test(key) ? key : null;
}

/**
 * A prefix query over the complainant's name and email for Postgres's `simple` text search: every word typed must
 * begin a word of the name or the email address ("jo bloggs", "bloggs", "jo.bloggs@exam"). Null when nothing is left.
 */
export function personQuery(typed: string): string | null {
  const words = typed
    .toLowerCase()
    .split(/[\s'’]+/) // O'Brien: the parser keeps "o" and "brien" apart
    .map((w) => w.replace(/[^\p{L}\p{N}@._+-]/gu, '').replace(/^[._+-]+|[._+-]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length ? words.map((w) => `'${w}':*`).join(' & ') : null;
}

/** A look-up finding more cases (or people) than this is a broad word: the queue then filters case by case instead. */
export const SEARCH_CAP = 5_000;
