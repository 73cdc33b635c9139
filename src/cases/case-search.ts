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
 * The words of a name or email as typed, reduced as Postgres's `simple` text search keeps them: lower case, split
 * at spaces and apostrophes, only letters, digits and the characters of an email address. At most eight.
 */
export function personWords(typed: string): string[] {
  return typed
    .toLowerCase()
    .split(/[\s'’]+/) // O'Brien: the parser keeps "o" and "brien" apart
    .map((w) => w.replace(/[^\p{L}\p{N}@._+-]/gu, '').replace(/^[._+-]+|[._+-]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/**
 * A prefix query over the complainant's name and email for Postgres's `simple` text search: every word typed must
 * begin a word of the name or the email address ("jo bloggs", "bloggs", "jo.bloggs@exam"). Null when nothing is left.
 */
export function personQuery(typed: string | string[]): string | null {
  const words = typeof typed === 'string' ? personWords(typed) : typed;
  return words.length ? words.map((w) => `'${w}':*`).join(' & ') : null;
}

/**
 * One word as a whole word (no prefix), for Postgres's estimate: the planner's statistics know how common a whole word
 * is, but guess 2% for any prefix. Every case a whole word finds, its prefix finds too, so this is a floor.
 */
export const wholeWordQuery = (word: string) => `'${word}'`;

/** A look-up finding more cases (or people) than this is a broad word: the queue then filters case by case instead. */
export const SEARCH_CAP = 5_000;

/**
 * A look-up Postgres expects to match more than this share of the table (and more than SEARCH_CAP) is taken as broad
 * without fetching its matches: fetching them meant building a bitmap of every match (a second for a name all share).
 * The share is high enough that the case-by-case check finds a page in a few hundred rows; below it, the ids are
 * fetched (capped) as before, so a wrong estimate costs time, never a wrong answer.
 */
export const BROAD_SHARE = 0.02;

/** Whether an estimated number of matches, in a table of `rows`, is plainly broad. */
export const plainlyBroad = (estimate: number, rows: number) => estimate > SEARCH_CAP && estimate > BROAD_SHARE * rows;

/** How to look people up: not at all (plainly broad: check case by case), or by the index for some words and a check of all. */
export type PersonLookup = { broad: true } | { broad: false; indexWords: string[]; checkWords: string[] };

/**
 * From Postgres's estimate for each whole word (in a table of `rows`): plainly broad when the words together are
 * (combined as Postgres combines them, as if independent); else the index is asked only for the words it does not
 * expect to be common, since a prefix of a common word makes GIN gather every match of it (0.6 s for "Seeded 123457"
 * at a million people, where "123457" alone is a few rows), and every word is checked on what it finds.
 */
export function personLookup(words: string[], estimates: number[], rows: number): PersonLookup {
  const together = estimates.reduce((n, e) => (n * e) / Math.max(rows, 1), rows);
  if (plainlyBroad(together, rows)) return { broad: true };
  const rare = words.filter((_, i) => !plainlyBroad(estimates[i], rows));
  return { broad: false, indexWords: rare.length ? rare : words, checkWords: rare.length && rare.length < words.length ? words : [] };
}
