import { readdirSync } from 'node:fs';
import type { Act, ComplaintAnalysis } from '../language/analysis.types.js';
import { compilePattern, findMatches, TokenView, type Classes, type CompiledPattern } from '../language/lemma-pattern.js';
import { policyDirectory, readPolicy, type Party } from '../language/parties.js';

/**
 * The possible-offence screen: every offence family of policy/offences/*.yaml matched over a complaint's lemmas,
 * each match given its doer from the analysis. Nothing here decides a category; it says what was alleged, by whom.
 */

type DoerRule = 'office_holder' | 'involved';

interface ActSpec {
  meaning: string;
  patterns: string[];
  doer?: DoerRule;
}

interface FamilySpec {
  family: string;
  title: string;
  meaning: string;
  named?: string[];
  acts: Record<string, ActSpec>;
}

interface CompiledAct {
  family: string;
  act: string;
  meaning: string;
  doer: DoerRule;
  patterns: Array<CompiledPattern & { negatable: boolean }>;
}

export interface OffenceFinding {
  family: string;
  /** The act of the family, or "named" when the offence is only named. */
  act: string;
  meaning: string;
  quote: string;
  start: number;
  end: number;
  doer: Party;
  /** act: an offence described as done by the office holder; sign: may be one; none: not counted (see reason). */
  strength: 'act' | 'named' | 'sign' | 'none';
  reason?: string;
  reported: boolean;
}

const NEGATORS = /\b(?:not|never|no|without|refuse|n't|won't|wouldn't)\b|n't/;
export const classes = readPolicy<Classes>('classes.yaml');
const families = readdirSync(new URL('offences/', policyDirectory))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readPolicy<FamilySpec>(`offences/${f}`));

const compiledActs: CompiledAct[] = families.flatMap((f) =>
  Object.entries(f.acts).map(([act, spec]) => ({
    family: f.family,
    act,
    meaning: spec.meaning,
    doer: spec.doer ?? 'office_holder',
    patterns: spec.patterns.map((p) => ({ ...compilePattern(p, classes), negatable: !NEGATORS.test(p) })),
  })),
);
const namedPatterns = families.flatMap((f) => (f.named ?? []).map((n) => ({ family: f.family, title: f.title, pattern: compilePattern(n, classes) })));
const rhetoricPattern = compilePattern(
  '(budget|precept|tax|council tax|policy|plan|decision|closure|closing|cut|cuts|rise|increase|spending|strategy|priority|priorities|scheme|charge|charges|fine|fines|camera|cameras|levy|bill|salary|pay rise|restructure|merger)',
);
const familyTitles = new Map(families.map((f) => [f.family, f.title]));

export const offenceFamilies = () => families.map((f) => ({ family: f.family, title: f.title, meaning: f.meaning }));
export const familyTitle = (family: string) => familyTitles.get(family) ?? family.replace(/_/g, ' ');

/**
 * The screen's findings for a complaint: stored with the analysis by the analyse step, so the criminal step and the
 * model read them rather than matching again; computed here when an analysis predates that.
 */
export function offencesOf(analysis: ComplaintAnalysis & { offences?: OffenceFinding[] }, text: string): OffenceFinding[] {
  return (analysis.offences ?? screenOffences(analysis, text)).map((f) => ({ ...f }));
}

export function screenOffences(analysis: ComplaintAnalysis, text: string): OffenceFinding[] {
  const view = new TokenView(analysis, text);
  const actAt = new Map<number, Act>(analysis.acts.map((a) => [a.verb, a]));
  const negated = new Set(analysis.negated);
  const officeHolderSentences = new Set(analysis.mentions.filter((m) => m.party === 'office_holder').map((m) => view.sentenceOf[m.token]));
  const near = (sentence: number) => officeHolderSentences.has(sentence) || officeHolderSentences.has(sentence - 1);
  const findings: OffenceFinding[] = [];
  const rhetoricSentences = new Set(findMatches(view, rhetoricPattern).map((m) => view.sentenceOf[m.from]));

  for (const spec of compiledActs) {
    for (const pattern of spec.patterns) {
      for (const m of findMatches(view, pattern)) {
        const act = governingAct(m.matched, m.from, view, actAt);
        const sentence = view.sentenceOf[m.from];
        // "told her staff to delete the emails": an act done on the office holder's instruction is theirs
        const instructed = act && REDIRECTED.has(act.doer) && instructedByOfficeHolder(act, view, analysis.acts);
        const doer = instructed ? 'office_holder' : (act?.doer ?? 'unknown');
        const isNegated = pattern.negatable && !!act && (act.negated || negated.has(act.verb));
        let strength: OffenceFinding['strength'] = 'none';
        let reason: string | undefined;
        if (isNegated) reason = 'negated: the complaint says it did not happen';
        else if (act && askedFor(act, view, analysis.acts)) reason = 'something the writer asks the office holder to do, not something done';
        else if (spec.doer === 'involved') {
          if (doer === 'office_holder' || officeHolderSentences.has(sentence)) strength = doer === 'office_holder' || doer === 'unknown' || doer === 'person' || doer === 'other_body' ? 'act' : 'sign';
          else reason = 'the office holder is not named in that sentence';
        } else if (doer === 'office_holder') strength = 'act';
        else if (doer === 'unknown') {
          if (officeHolderSentences.has(sentence)) strength = 'sign';
          else reason = 'nobody named does it, and the office holder is not named in that sentence';
        } else reason = `done by ${doer.replace(/_/g, ' ')}, not the office holder`;
        findings.push(finding(text, spec.family, spec.act, spec.meaning, m.from, m.to, view, doer, strength, reason, act?.reported ?? false));
      }
    }
  }

  for (const { family, title, pattern } of namedPatterns) {
    for (const m of findMatches(view, pattern)) {
      const sentence = view.sentenceOf[m.from];
      const act = governingAct(m.matched, m.from, view, actAt);
      const doer = act?.doer ?? 'unknown';
      const verb = act ? view.analysis.lemmas[act.verb] : '';
      // the name said of something done: "he bribed", "she committed fraud", "this is fraud" after an act
      const namedAsAct = view.analysis.pos[m.from] === 'V' && act?.verb === m.from;
      const accusation = ACCUSING_VERBS.has(verb);
      const thisIs = verb === 'be' && act !== undefined && act.doerToken >= 0 && DEMONSTRATIVES.has(view.analysis.lemmas[act.doerToken]);
      let strength: OffenceFinding['strength'] = 'none';
      let reason: string | undefined;
      if (negated.has(m.from) || (act && act.negated)) reason = 'negated: the complaint says it is not suggesting this';
      else if (act && verb === 'be' && LABEL_BEFORE.has(view.analysis.lemmas[m.from - 1] ?? '')) reason = 'used as a label or an insult ("a fraud"), with no act described';
      else if (rhetoricSentences.has(sentence) && !findings.some((f) => f.strength === 'act' && view.sentenceOf[tokenAt(view, f.start)] === sentence)) {
        reason = 'said of a budget, policy or decision: rhetoric, not an allegation';
      } else if ((namedAsAct || accusation) && doer === 'office_holder') strength = 'named';
      // "my son's bike was stolen", "Mr Marland had assaulted": a crime by someone else, not a sign about the office holder
      else if (act?.passive && doer === 'unknown') reason = 'something done to someone by an unnamed person: a crime described, not an allegation';
      else if ((namedAsAct || accusation || thisIs) && doer === 'unknown' && (act?.doerToken ?? -1) >= 0 && view.analysis.pos[act!.doerToken] !== 'O' && !thisIs) {
        reason = 'said of someone the complaint names who is not the office holder';
      } else if ((namedAsAct || accusation || thisIs) && doer === 'unknown' && near(sentence)) strength = 'sign';
      else if (namedAsAct || accusation) reason = REDIRECTED.has(doer) ? `said of ${doer.replace(/_/g, ' ')}, not the office holder` : 'the office holder is not named nearby';
      else reason = 'named as a subject (a kind of crime), not as something the office holder did';
      findings.push(finding(text, family, 'named', `names ${title} as something done`, m.from, m.to, view, doer, strength, reason, act?.reported ?? false));
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** Verbs that say an offence was done: "committed fraud", "is guilty of bribery", "accused her of theft". */
const ACCUSING_VERBS = new Set(['commit', 'accuse', 'allege', 'guilty', 'amount', 'constitute', 'involve', 'engage', 'carry', 'report', 'investigate', 'arrest', 'charge', 'convict', 'caught', 'catch', 'admit', 'confess']);
const DEMONSTRATIVES = new Set(['this', 'that', 'it', 'which', 'what']);
/** "the mayor is a fraud", "an absolute crook": the offence's name as a label for a person. */
const LABEL_BEFORE = new Set(['a', 'an', 'absolute', 'total', 'complete', 'utter', 'proper', 'such']);
const REDIRECTED = new Set<Party>(['office', 'chief_constable', 'police_officers', 'force', 'other_body', 'person', 'complainant']);

/** The act a match belongs to: the first verb inside it, or else the verb that governs it earlier in its sentence. */
/** "I want the commissioner to get the charge dropped": the writer asking for an act, not alleging one. */
const WISHING = new Set(['want', 'ask', 'expect', 'demand', 'need', 'like', 'hope', 'wish', 'urge', 'beg', 'request', 'call']);

function askedFor(act: Act, view: TokenView, acts: Act[]): boolean {
  if (view.analysis.lemmas[act.verb - 1] !== 'to') return false;
  const sentence = view.sentenceOf[act.verb];
  return acts.some((a) => a.verb < act.verb && view.sentenceOf[a.verb] === sentence && a.doer === 'complainant' && WISHING.has(view.analysis.lemmas[a.verb]));
}

/** Verbs by which the office holder has someone else do a thing. */
const INSTRUCTING = new Set(['tell', 'order', 'instruct', 'ask', 'get', 'make', 'have', 'direct', 'pressure', 'pressurise', 'persuade', 'send', 'arrange', 'encourage', 'urge', 'lean']);

function instructedByOfficeHolder(act: Act, view: TokenView, acts: Act[]): boolean {
  const sentence = view.sentenceOf[act.verb];
  return acts.some((a) => a.verb < act.verb && view.sentenceOf[a.verb] === sentence && a.doer === 'office_holder' && !a.negated && INSTRUCTING.has(view.analysis.lemmas[a.verb]));
}

function governingAct(matched: number[], from: number, view: TokenView, actAt: Map<number, Act>): Act | undefined {
  for (const i of matched) {
    const act = actAt.get(i);
    if (act) return act;
  }
  const sentence = view.sentenceOf[from];
  for (let k = from - 1; k >= 0 && view.sentenceOf[k] === sentence; k--) {
    const act = actAt.get(k);
    if (act) return act;
  }
  return undefined;
}

function tokenAt(view: TokenView, start: number): number {
  const i = view.analysis.starts.indexOf(start);
  return i < 0 ? 0 : i;
}

function finding(
  text: string, family: string, act: string, meaning: string, from: number, to: number, view: TokenView,
  doer: Party, strength: OffenceFinding['strength'], reason: string | undefined, reported: boolean,
): OffenceFinding {
  const start = view.analysis.starts[from];
  const end = view.analysis.ends[to];
  return { family, act, meaning, quote: text.slice(start, end), start, end, doer, strength, ...(reason ? { reason } : {}), reported };
}
