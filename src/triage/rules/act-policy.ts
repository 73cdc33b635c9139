import type { Act, ComplaintAnalysis } from '../language/analysis.types.js';
import { compilePattern, PatternSet, viewOf, type Classes, type PatternMatch, type TokenView } from '../language/lemma-pattern.js';
import { readPolicy, REDIRECT_PARTIES, type Party } from '../language/parties.js';
import type { Evidence } from './rule.types.js';

/**
 * A step's policy (policy/<step>.yaml): the acts it looks for, each described by its words in lemmas and by who
 * must have done it. Matching reads the stored analysis only: each match takes the doer, negation and reported
 * speech of the verb that governs it.
 *
 * doer (whose act counts):
 *   office_holder  done by the office holder, or by nobody named in a sentence that names them (the default)
 *   involved       the office holder is named within `within` sentences, and nobody else (police, another
 *                  body, the office's staff) is said to have done it ("I have had no reply" after naming them)
 *   anyone         whoever did it (a subject: the precept, a closure, an insult)
 *   writer         done by the writer (or nobody named): "I will keep complaining", not "they keep sending someone"
 * quoted: only (words counted only inside quotation marks: someone's words as said) | skip (not counted there)
 * negatable: false for acts whose words carry their own negation ("did not reply")
 * with: patterns of which one must also match within `within` sentences
 */

export type DoerRule = 'office_holder' | 'involved' | 'anyone' | 'writer';

export interface ActSpec {
  meaning: string;
  weight?: number;
  kind?: string;
  doer?: DoerRule;
  within?: number;
  negatable?: boolean;
  quoted?: 'only' | 'skip';
  patterns: string[];
  with?: string[];
}

export interface StepPolicy {
  acts: Record<string, ActSpec>;
}

interface CompiledAct {
  name: string;
  spec: Required<Pick<ActSpec, 'meaning' | 'weight' | 'doer' | 'within' | 'negatable'>> & Pick<ActSpec, 'kind' | 'quoted'>;
  alongside: PatternSet<null> | null;
}

export interface ActHit {
  act: string;
  kind?: string;
  meaning: string;
  weight: number;
  quote: string;
  start: number;
  end: number;
  from: number;
  sentence: number;
  doer: Party;
  negated: boolean;
  reported: boolean;
  counted: boolean;
  reason?: string;
}

export const sharedClasses = readPolicy<Classes>('classes.yaml');
const NEGATION_WORDS = new Set(['not', "n't", 'never']);

/** A step's policy file, compiled once when its rule module loads. */
export class CompiledPolicy {
  private readonly set = new PatternSet<CompiledAct>();

  constructor(readonly name: string, acts: Record<string, ActSpec> = readPolicy<StepPolicy>(`${name}.yaml`).acts) {
    for (const [actName, spec] of Object.entries(acts)) {
      const act: CompiledAct = {
        name: actName,
        spec: { meaning: spec.meaning, weight: spec.weight ?? 1, doer: spec.doer ?? 'office_holder', within: spec.within ?? 1, negatable: spec.negatable ?? true, kind: spec.kind, quoted: spec.quoted },
        alongside: null,
      };
      if (spec.with?.length) {
        act.alongside = new PatternSet<null>();
        for (const p of spec.with) act.alongside.add(compilePattern(p, sharedClasses), null);
      }
      for (const p of spec.patterns) this.set.add(compilePattern(p, sharedClasses), act);
    }
  }

  /** What this policy found in each analysis read so far: a worker's steps share one analysis object. */
  private readonly found = new WeakMap<ComplaintAnalysis, ActHit[]>();

  /**
   * Every act of the policy found in the complaint, earliest first, each counted or not with the reason. Found once
   * per analysis (the remit step reads the conduct policy, the criminal step the vexatious one); each caller gets
   * its own copies, to mark as it likes.
   */
  find(analysis: ComplaintAnalysis, text: string): ActHit[] {
    let hits = this.found.get(analysis);
    if (!hits) this.found.set(analysis, (hits = this.match(analysis, text)));
    return hits.map((h) => ({ ...h }));
  }

  private match(analysis: ComplaintAnalysis, text: string): ActHit[] {
    const view = viewOf(analysis, text);
    const context = actContext(view);
    const hits: ActHit[] = [];
    const alongsideCache = new Map<CompiledAct, Set<number>>();
    for (const m of this.set.matchAll(view)) {
      const act = m.payload;
      if (act.alongside) {
        let sentences = alongsideCache.get(act);
        if (!sentences) alongsideCache.set(act, (sentences = new Set(act.alongside.matchAll(view).filter((x) => x.to < m.from || x.from > m.to).map((x) => view.sentenceOf[x.from]))));
        const s = view.sentenceOf[m.from];
        let near = false;
        for (let d = -act.spec.within; d <= act.spec.within && !near; d++) near = sentences.has(s + d);
        if (!near) continue;
      }
      hits.push(judge(view, context, act, m));
    }
    return hits.sort((a, b) => a.start - b.start);
  }
}

function judge(view: TokenView, context: ActContext, act: CompiledAct, m: PatternMatch): ActHit {
  const governing = governingAct(m.matched, m.from, view, context.actAt);
  const instructed = governing && REDIRECT_PARTIES.has(governing.doer) && instructedByOfficeHolder(governing, view, context.acts);
  const doer: Party = instructed ? 'office_holder' : (governing?.doer ?? 'unknown');
  const sentence = view.sentenceOf[m.from];
  const negated = act.spec.negatable && (governing ? governing.negated || context.negated.has(governing.verb) : context.negated.has(m.from));
  const quoted = view.quoted[m.from] === 1;
  // "did not reply", "has never answered": the quote takes in the auxiliary before a leading negation
  const first = NEGATION_WORDS.has(view.analysis.lemmas[m.from]) && view.analysis.pos[m.from - 1] === 'A' && view.sentenceOf[m.from - 1] === sentence ? m.from - 1 : m.from;
  const start = view.analysis.starts[first];
  const end = view.analysis.ends[m.to];
  const hit: ActHit = {
    act: act.name, kind: act.spec.kind, meaning: act.spec.meaning, weight: act.spec.weight, quote: context.text.slice(start, end), start, end, from: m.from, sentence,
    doer, negated, reported: governing?.reported ?? false, counted: true,
  };
  const reason =
    negated ? 'negated: the complaint says it did not happen'
    : act.spec.quoted === 'skip' && quoted ? "inside quotation marks: someone else's words"
    : act.spec.quoted === 'only' && !quoted ? 'not quoted words'
    : governing && act.spec.doer !== 'anyone' && askedFor(governing, view, context.acts) ? 'something the writer asks for, not something done'
    : doerProblem(view, act.spec.doer, act.spec.within, doer, sentence);
  if (reason) {
    hit.counted = false;
    hit.reason = reason;
  }
  return hit;
}

function doerProblem(view: TokenView, rule: DoerRule, within: number, doer: Party, sentence: number): string | undefined {
  if (rule === 'anyone') return undefined;
  if (rule === 'writer') return doer === 'complainant' || doer === 'unknown' ? undefined : `done by ${partyWords(doer)}, not the writer`;
  if (doer === 'office_holder') return undefined;
  if (rule === 'involved') {
    if (REDIRECT_PARTIES.has(doer)) return `done by ${partyWords(doer)}, not the office holder`;
    return view.officeHolderNear(sentence, within) ? undefined : 'the office holder is not named near it';
  }
  if (doer === 'unknown' || doer === 'complainant') return view.officeHolderNear(sentence, 1) ? undefined : 'nobody named does it, and the office holder is not named near it';
  return `done by ${partyWords(doer)}, not the office holder`;
}

interface ActContext {
  text: string;
  acts: Act[];
  actAt: Map<number, Act>;
  negated: Set<number>;
}

const contexts = new WeakMap<TokenView, ActContext>();

function actContext(view: TokenView): ActContext {
  let c = contexts.get(view);
  if (!c) {
    const a = view.analysis;
    const text = view.text;
    contexts.set(view, (c = { text, acts: a.acts, actAt: new Map(a.acts.map((x) => [x.verb, x])), negated: new Set(a.negated) }));
  }
  return c;
}

/** The act a match belongs to: the first verb inside it, or else the verb that governs it earlier in its sentence. */
export function governingAct(matched: number[], from: number, view: TokenView, actAt: Map<number, Act>): Act | undefined {
  for (const i of matched) {
    const act = actAt.get(i);
    if (act) return act;
  }
  const sentence = view.sentenceOf[from];
  for (let k = from - 1; k >= 0 && k >= from - 12 && view.sentenceOf[k] === sentence; k--) {
    const act = actAt.get(k);
    if (act) return act;
  }
  return undefined;
}

/** "I want the commissioner to get the charge dropped": the writer asking for an act, not alleging one. */
const WISHING = new Set(['want', 'ask', 'expect', 'demand', 'need', 'like', 'hope', 'wish', 'urge', 'beg', 'request', 'call']);

export function askedFor(act: Act, view: TokenView, acts: Act[]): boolean {
  if (view.analysis.lemmas[act.verb - 1] !== 'to') return false;
  const sentence = view.sentenceOf[act.verb];
  return acts.some((a) => a.verb < act.verb && a.verb >= act.verb - 12 && view.sentenceOf[a.verb] === sentence && a.doer === 'complainant' && WISHING.has(view.analysis.lemmas[a.verb]));
}

/** Verbs by which the office holder has someone else do a thing. */
const INSTRUCTING = new Set(['tell', 'order', 'instruct', 'ask', 'get', 'make', 'have', 'direct', 'pressure', 'pressurise', 'persuade', 'send', 'arrange', 'encourage', 'urge', 'lean']);

/** "told her staff to delete the emails": an act done on the office holder's instruction is theirs. */
export function instructedByOfficeHolder(act: Act, view: TokenView, acts: Act[]): boolean {
  const sentence = view.sentenceOf[act.verb];
  return acts.some((a) => a.verb < act.verb && a.verb >= act.verb - 12 && view.sentenceOf[a.verb] === sentence && a.doer === 'office_holder' && !a.negated && INSTRUCTING.has(view.analysis.lemmas[a.verb]));
}

const PARTY_WORDS: Partial<Record<Party, string>> = {
  office_holder: 'the office holder',
  office: "the office's staff",
  chief_constable: 'the chief constable',
  police_officers: 'police officers',
  force: 'the force',
  other_body: 'another body',
  person: 'someone other than the office holder',
  complainant: 'the writer',
};

export const partyWords = (party: Party) => PARTY_WORDS[party] ?? 'someone the complaint does not name';

/** Sum of counted weights, each act counted at most `cap` times so one repeated phrase cannot decide alone. */
export function cappedWeight(hits: ActHit[], cap = 1): number {
  const seen = new Map<string, number>();
  let sum = 0;
  for (const h of hits) {
    if (!h.counted) continue;
    const n = (seen.get(h.act) ?? 0) + 1;
    seen.set(h.act, n);
    if (n <= cap) sum += h.weight;
  }
  return sum;
}

/** Marks hits covered by a cancelling hit (rhetoric, a label) as not counted, giving the reason. */
export function cancelCovered(hits: ActHit[], cancelling: ActHit[], reason: string): void {
  for (const h of hits) {
    if (!h.counted || cancelling.includes(h)) continue;
    if (cancelling.some((c) => h.start < c.end && h.end > c.start)) {
      h.counted = false;
      h.reason = reason;
    }
  }
}

/** Evidence for officers: the exact words, and what they meant to the rule (or why they were not counted). */
export function toEvidence(hits: ActHit[], limit = 10): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const h of [...hits.filter((x) => x.counted), ...hits.filter((x) => !x.counted)]) {
    const key = `${h.act}|${h.quote.toLowerCase()}`;
    if (seen.has(key) || out.length >= limit) continue;
    seen.add(key);
    out.push({ quote: h.quote, meaning: h.counted ? h.meaning : `${h.meaning}: not counted, ${h.reason}` });
  }
  return out;
}
