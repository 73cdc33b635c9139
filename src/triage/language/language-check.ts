import type { RawToken } from './nlp.js';
import { readPolicy } from './parties.js';

interface LanguagePolicy {
  minimum_share: number;
  minimum_words: number;
  english: string[];
  welsh: string[];
}

const policy = readPolicy<LanguagePolicy>('language.yaml');
const ENGLISH = new Set(policy.english);
const WELSH = new Set(policy.welsh);
const WORDLIKE = /\p{L}/u;

export interface LanguageVerdict {
  language: 'en' | 'not_english' | 'empty';
  englishShare: number;
  otherLanguage: string | null;
}

/**
 * English, another language, or nothing to read. Counted over words only (links, e-mail addresses, numbers and
 * punctuation are not words), on the details when they hold enough words, so an English headline over a Welsh
 * letter is still a Welsh letter; a headline of a word or two over only links or punctuation is empty.
 */
export function checkLanguage(tokens: RawToken[], headlineEnd: number): LanguageVerdict {
  const words = tokens.filter((t) => t.type === 'word' && WORDLIKE.test(t.written));
  const body = words.filter((t) => t.start >= headlineEnd);
  // nothing to read: no words at all, or a body of only links or punctuation under a headline of a word or two
  if (!words.length || (!body.length && words.length < 3)) return { language: 'empty', englishShare: 0, otherLanguage: null };
  const judged = body.length >= policy.minimum_words ? body : words;
  const lower = judged.map((t) => t.written.toLowerCase().replace(/[’']/g, ''));
  const english = lower.filter((w) => ENGLISH.has(w)).length / lower.length;
  const welsh = judged.filter((t) => WELSH.has(t.written.toLowerCase().replace(/’/g, "'"))).length / lower.length;
  const share = Math.round(english * 100) / 100;
  if (judged.length >= policy.minimum_words ? english < policy.minimum_share : english === 0 && welsh > 0) {
    return { language: 'not_english', englishShare: share, otherLanguage: welsh > english ? 'cy' : null };
  }
  return { language: 'en', englishShare: share, otherLanguage: null };
}
