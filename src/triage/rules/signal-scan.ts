import { isNegated, matchAll, phrasesToRegExp, type RawMatch } from './phrase-matcher.js';
import type { AnalysedText, Actor } from './text-analysis.js';
import type { Evidence } from './rule.types.js';
import { loadPartiesVocabulary, type ActorRule, type SignalSpec, type Vocabulary } from './vocabulary.js';

/** A vocabulary signal compiled once, when its rule module loads. */
export interface CompiledSignal extends Required<Pick<SignalSpec, 'meaning' | 'weight' | 'within' | 'actor' | 'quoted' | 'negatable'>> {
  name: string;
  kind?: string;
  pattern: RegExp;
  withPatterns: RegExp[];
}

export interface SignalHit {
  signal: string;
  kind?: string;
  meaning: string;
  weight: number;
  quote: string;
  index: number;
  end: number;
  /** The words that had to match nearby (the "with" lists), quoted exactly. */
  alongside: RawMatch[];
  actor: Actor;
  negated: boolean;
  quoted: boolean;
  /** Counted towards the step's verdict; when false, `reason` says why not. */
  counted: boolean;
  reason?: string;
}

export function compileSignals(vocabulary: Vocabulary): CompiledSignal[] {
  return Object.entries(vocabulary.signals).map(([name, spec]) => ({
    name,
    kind: spec.kind,
    meaning: spec.meaning,
    weight: spec.weight,
    within: spec.within ?? 0,
    actor: spec.actor ?? 'any',
    quoted: spec.quoted ?? 'any',
    negatable: spec.negatable ?? true,
    pattern: phrasesToRegExp(spec.phrases, vocabulary.terms),
    withPatterns: (spec.with ?? []).map((list) => phrasesToRegExp(list, vocabulary.terms)),
  }));
}

/** Every match of every signal, earliest first, each marked counted or not with the reason. */
export function scanSignals(analysis: AnalysedText, signals: CompiledSignal[]): SignalHit[] {
  const hits: SignalHit[] = [];
  for (const signal of signals) {
    const main = matchAll(analysis.text, signal.pattern);
    if (!main.length) continue;
    const alongsideLists = signal.withPatterns.map((p) => bySentence(analysis, matchAll(analysis.text, p)));
    for (const m of main) {
      const alongside = nearby(analysis, m, alongsideLists, signal.within);
      if (!alongside) continue;
      hits.push(judge(analysis, signal, m, alongside));
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

function bySentence(analysis: AnalysedText, matches: RawMatch[]): Map<number, RawMatch[]> {
  const map = new Map<number, RawMatch[]>();
  for (const m of matches) {
    const s = analysis.sentenceAt(m.index);
    const list = map.get(s);
    if (list) list.push(m);
    else map.set(s, [m]);
  }
  return map;
}

/** The first match of each `with` list within `within` sentences of m (never overlapping it), or null. */
function nearby(analysis: AnalysedText, m: RawMatch, lists: Array<Map<number, RawMatch[]>>, within: number): RawMatch[] | null {
  const s = analysis.sentenceAt(m.index);
  const found: RawMatch[] = [];
  for (const list of lists) {
    let near: RawMatch | undefined;
    for (let n = s - within; n <= s + within && !near; n++) near = list.get(n)?.find((x) => x.end <= m.index || x.index >= m.end);
    if (!near) return null;
    found.push(near);
  }
  return found;
}

function judge(analysis: AnalysedText, signal: CompiledSignal, m: RawMatch, alongside: RawMatch[]): SignalHit {
  const quoted = analysis.quoteAt(m.index) !== null;
  const negated = signal.negatable && isNegated(analysis.text, m.index);
  const actor = analysis.actorAt(m.index, m.end);
  const hit: SignalHit = { signal: signal.name, kind: signal.kind, meaning: signal.meaning, weight: signal.weight, quote: m.quote, index: m.index, end: m.end, alongside, actor, negated, quoted, counted: true };
  const reason =
    negated ? 'negated'
    : signal.quoted === 'skip' && quoted ? "inside quotation marks: someone else's words"
    : signal.quoted === 'only' && !quoted ? 'not quoted words'
    : actorProblem(analysis, signal.actor, m, actor, signal.within);
  if (reason) {
    hit.counted = false;
    hit.reason = reason;
  }
  return hit;
}

/** Parties other than the office holder that a complaint can be redirected to. */
export const OFFICIAL_PARTIES = new Set(Object.keys(loadPartiesVocabulary().parties).filter((p) => p !== 'office_holder' && p !== 'not_an_actor'));

const PARTY_WORDS: Record<string, string> = {
  self: 'the writer',
  person: 'someone other than the office holder',
  nobody: 'nobody named (passive)',
  police: 'police officers or staff',
  chief_constable: 'the chief constable',
  opcc_staff: "the office's staff",
};

export const partyWords = (party: string) => PARTY_WORDS[party] ?? (party === 'office_holder' ? 'the office holder' : party.replace(/_/g, ' '));

function actorProblem(analysis: AnalysedText, rule: ActorRule, m: RawMatch, actor: Actor, within: number): string | undefined {
  if (rule === 'any') return undefined;
  if (rule === 'involved') {
    // Named in the same sentence, the office holder is involved whoever else acts (a contractor paying for a
    // holiday); named only nearby, the act must not be one that police or another body is said to have done.
    if (actor.party === 'office_holder' || analysis.officeHolderNear(m.index, 0)) return undefined;
    if (analysis.officeHolderNear(m.index, Math.max(within, 1)) && !OFFICIAL_PARTIES.has(actor.party)) return undefined;
    return OFFICIAL_PARTIES.has(actor.party) ? `done by ${partyWords(actor.party)}, not the office holder` : 'the office holder is not named near it';
  }
  if (actor.party === 'office_holder' || actor.party === 'unknown') return undefined;
  return `done by ${partyWords(actor.party)}, not the office holder`;
}

/** Evidence for officers: the exact words, and what they meant to the rule (or why they were not counted). */
export function toEvidence(hits: SignalHit[], limit = 12): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const h of [...hits.filter((x) => x.counted), ...hits.filter((x) => !x.counted)]) {
    const key = `${h.signal}|${h.quote.toLowerCase()}`;
    if (seen.has(key) || out.length >= limit) continue;
    seen.add(key);
    const also = h.alongside.length ? ` (with "${h.alongside.map((a) => a.quote).join('", "')}")` : '';
    out.push({ quote: h.quote, meaning: h.counted ? `${h.meaning}${also}` : `${h.meaning}: not counted, ${h.reason}` });
  }
  return out;
}

/** Sum of counted weights, each signal counted at most `cap` times so one repeated phrase cannot decide alone. */
export function cappedWeight(hits: SignalHit[], cap = 2): number {
  const seen = new Map<string, number>();
  let sum = 0;
  for (const h of hits) {
    if (!h.counted) continue;
    const n = (seen.get(h.signal) ?? 0) + 1;
    seen.set(h.signal, n);
    if (n <= cap) sum += h.weight;
  }
  return sum;
}

/** Marks hits covered by a cancelling hit (rhetoric, labels) as not counted, giving the reason. */
export function cancelCovered(hits: SignalHit[], cancelling: SignalHit[], reason: string): void {
  for (const h of hits) {
    if (!h.counted || cancelling.includes(h)) continue;
    if (cancelling.some((c) => h.index < c.end && h.end > c.index)) {
      h.counted = false;
      h.reason = reason;
    }
  }
}
