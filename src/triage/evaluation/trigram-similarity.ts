/**
 * PostgreSQL pg_trgm's similarity(), in JavaScript, so the repetition step can be evaluated without a database:
 * words (letters and digits) lower-cased, each padded with two spaces before and one after, the set of three-letter
 * runs compared by |A ∩ B| / |A ∪ B|.
 */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export function similarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** The repetition look-up's measure (triage-facts.service.ts): the best of summary, details and both together. */
export function complaintSimilarity(a: { summary: string; details: string }, b: { summary: string; details: string }): number {
  return Math.max(
    similarity(a.summary, b.summary),
    similarity(a.details.slice(0, 4000), b.details.slice(0, 4000)),
    similarity(`${a.summary} ${a.details.slice(0, 4000)}`, `${b.summary} ${b.details.slice(0, 4000)}`),
  );
}
