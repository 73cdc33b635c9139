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
  // one pass: words, English and Welsh words, over the whole text and over the body (the words after the headline)
  let words = 0;
  let english = 0;
  let welsh = 0;
  let body = 0;
  let bodyEnglish = 0;
  let bodyWelsh = 0;
  for (const t of tokens) {
    if (t.type !== 'word' || !WORDLIKE.test(t.written)) continue;
    const lower = t.written.toLowerCase();
    const hasApostrophe = lower.includes("'") || lower.includes('’');
    const isEnglish = ENGLISH.has(hasApostrophe ? lower.replace(/[’']/g, '') : lower) ? 1 : 0;
    const isWelsh = WELSH.has(hasApostrophe ? lower.replace(/’/g, "'") : lower) ? 1 : 0;
    words++;
    english += isEnglish;
    welsh += isWelsh;
    if (t.start >= headlineEnd) {
      body++;
      bodyEnglish += isEnglish;
      bodyWelsh += isWelsh;
    }
  }
  // nothing to read: no words at all, or a body of only links or punctuation under a headline of a word or two
  if (!words || (!body && words < 3)) return { language: 'empty', englishShare: 0, otherLanguage: null };
  const onBody = body >= policy.minimum_words;
  const judged = onBody ? body : words;
  const englishShare = (onBody ? bodyEnglish : english) / judged;
  const welshShare = (onBody ? bodyWelsh : welsh) / judged;
  const share = Math.round(englishShare * 100) / 100;
  if (judged >= policy.minimum_words ? englishShare < policy.minimum_share : englishShare === 0 && welshShare > 0) {
    return { language: 'not_english', englishShare: share, otherLanguage: welshShare > englishShare ? 'cy' : null };
  }
  return { language: 'en', englishShare: share, otherLanguage: null };
}
