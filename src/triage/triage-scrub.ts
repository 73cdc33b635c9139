import { ERASED } from '../common/erased.js';
import type { ComplaintAnalysis } from './language/analysis.types.js';

const SHINGLE = 4;
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

function shingles(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= w.length; i++) out.push(w.slice(i, i + SHINGLE).join(' '));
  return out;
}

/**
 * Takes the complaint's words out of a stored triage record (evidence, findings, reg 15 grounds) and leaves the
 * rules' own words. Quotes go whole (`quote` becomes empty, `quotes` an empty list); any other string that repeats
 * the complaint (four words in a row of it, or a phrase of it as a whole) becomes the marker. The rules write their
 * meanings from their own vocabulary, so a verdict keeps its explanation without the complainant's words.
 */
export function scrubTriageRecord<T>(record: T, texts: readonly string[]): T {
  const known = new Set(texts.flatMap(shingles));
  const lowered = texts.map((t) => t.toLowerCase());
  const quoted = (value: string) => {
    const trimmed = value.trim().toLowerCase();
    if (!trimmed) return false;
    if (shingles(trimmed).some((s) => known.has(s))) return true;
    // a short phrase of the complaint (a name, a place): long enough, and more than one word, to be the writer's own
    return trimmed.length >= 8 && /\s/.test(trimmed) && lowered.some((t) => t.includes(trimmed));
  };
  const walk = (value: unknown, key: string): unknown => {
    if (key === 'quote' && typeof value === 'string') return '';
    if (key === 'quotes' && Array.isArray(value)) return [];
    if (typeof value === 'string') return quoted(value) ? ERASED : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, ''));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(record, '') as T;
}

/**
 * What the analyse step's findings column holds: the language check's outcome, none of the complaint's words. The
 * whole analysis is in the step's own `analysis` column (see TriageStepResult.analysis).
 */
export function analysisSummary(analysis: Partial<ComplaintAnalysis>): Record<string, unknown> {
  return { version: analysis.version ?? 1, language: analysis.language ?? null, englishShare: analysis.englishShare ?? null, otherLanguage: analysis.otherLanguage ?? null };
}

/**
 * What an erasure leaves of the stored language analysis: whether there was English to read, and nothing of the
 * words themselves (lemmas, offsets, who did what to whom are all the complaint's text in another form).
 */
export function analysisRemains(analysis: Partial<ComplaintAnalysis>): Record<string, unknown> {
  return { ...analysisSummary(analysis), erased: true };
}
