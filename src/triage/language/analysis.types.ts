import type { Party } from './parties.js';

/** One verb of the complaint with who did it to whom: the unit allegations are read from. */
export interface Act {
  /** Token index of the verb (or of "be" in "he is a liar"). */
  verb: number;
  /** Who did it; for a passive verb, the "by ..." party or unknown. */
  doer: Party;
  /** Token of the doer's head word, -1 when not in the text (inherited or unknown). */
  doerToken: number;
  /** The party acted on (first noun phrase after the verb, or the subject of a passive verb), null for a thing. */
  object: Party | null;
  objectToken: number;
  negated: boolean;
  passive: boolean;
  /** Told by someone else ("my neighbour told me the commissioner had..."). */
  reported: boolean;
}

export interface Mention {
  token: number;
  party: Party;
  /** Named only as the owner of something ("the commissioner's office"). */
  possessive: boolean;
}

/**
 * What the analyse step stores for every complaint (jsonb), so the other steps never parse again. Compact:
 * parallel arrays, one entry per token. Offsets index `summary + "\n" + details`.
 */
export interface ComplaintAnalysis {
  version: 1;
  /** en: English text to read; not_english: mostly another language (e.g. Welsh); empty: no words to read. */
  language: 'en' | 'not_english' | 'empty';
  /** Share of words that are common English words; the basis of `language`. */
  englishShare: number;
  /** Likely language when not English (cy for Welsh), or null. */
  otherLanguage: string | null;
  /** Character offset where the details begin; tokens before it are the headline (summary). */
  headlineEnd: number;
  lemmas: string[];
  /** One character per token: see POS_CODE in nlp.ts. */
  pos: string;
  starts: number[];
  ends: number[];
  /** Token index at which each sentence starts. */
  sentences: number[];
  /** Tokens whose meaning is negated in their clause. */
  negated: number[];
  acts: Act[];
  mentions: Mention[];
}
