import { readdirSync } from 'node:fs';
import type { Act, ComplaintAnalysis } from '../language/analysis.types.js';
import { compilePattern, PatternSet, viewOf, type TokenView } from '../language/lemma-pattern.js';
import { policyDirectory, readPolicy, type Party } from '../language/parties.js';
import { askedFor, governingAct, instructedByOfficeHolder, sharedClasses as classes } from './act-policy.js';

/**
 * The possible-offence screen: every offence family of policy/offences/*.yaml matched over a complaint's lemmas,
 * each match given its doer from the analysis. Nothing here decides a category; it says what was alleged, by whom.
 */

type DoerRule = 'office_holder' | 'involved';

interface ActSpec {
  meaning: string;
  patterns: string[];
  doer?: DoerRule;
  /** Words of which one must also occur within `within` sentences (drinking, then driving). */
  with?: string[];
  within?: number;
  /**
   * The words are the offence (a threat, racist abuse): in quotation marks they count as the words of whoever is
   * said to have said, written or sent them ("he messaged me: '...'"), not as someone else's act.
   */
  spoken?: boolean;
  /** A sign at most (when in doubt, flag): the screen flags it for an officer, never decides the category alone. */
  sign_only?: boolean;
  /** Words that, where they overlap a match, say it is something else ("take a phone call" is no theft of a phone). */
  unless?: string[];
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
  negatable: boolean;
  alongside: PatternSet<null> | null;
  within: number;
  spoken: boolean;
  signOnly: boolean;
  unless: PatternSet<null> | null;
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
const families = readdirSync(new URL('offences/', policyDirectory))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readPolicy<FamilySpec>(`offences/${f}`));

/** Every act pattern of every family in one set, so a complaint is read once for all of them. */
const actPatterns = new PatternSet<CompiledAct>();
for (const f of families) {
  for (const [act, spec] of Object.entries(f.acts)) {
    let alongside: PatternSet<null> | null = null;
    if (spec.with?.length) {
      alongside = new PatternSet<null>();
      for (const p of spec.with) alongside.add(compilePattern(p, classes), null);
    }
    let unless: PatternSet<null> | null = null;
    if (spec.unless?.length) {
      unless = new PatternSet<null>();
      for (const p of spec.unless) unless.add(compilePattern(p, classes), null);
    }
    for (const p of spec.patterns) {
      actPatterns.add(compilePattern(p, classes), { family: f.family, act, meaning: spec.meaning, doer: spec.doer ?? 'office_holder', negatable: !NEGATORS.test(p), alongside, within: spec.within ?? 1, spoken: spec.spoken ?? false, signOnly: spec.sign_only ?? false, unless });
    }
  }
}
const namedPatterns = new PatternSet<{ family: string; title: string }>();
for (const f of families) for (const n of f.named ?? []) namedPatterns.add(compilePattern(n, classes), { family: f.family, title: f.title });
const rhetoricPatterns = new PatternSet<null>();
rhetoricPatterns.add(compilePattern('({policy_thing}|closing|cuts|priorities|salary|pay rise|bill)', classes), null);
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
  const view = viewOf(analysis, text);
  const actAt = new Map<number, Act>(analysis.acts.map((a) => [a.verb, a]));
  const negated = new Set(analysis.negated);
  const officeHolderSentences = view.officeHolderSentences;
  const near = (sentence: number) => officeHolderSentences.has(sentence) || officeHolderSentences.has(sentence - 1);
  const findings: OffenceFinding[] = [];
  const rhetoricSentences = new Set(rhetoricPatterns.matchAll(view).map((m) => view.sentenceOf[m.from]));

  const alongsideSentences = new Map<PatternSet<null>, Set<number>>();
  const unlessSpans = new Map<PatternSet<null>, Array<[number, number]>>();
  for (const m of actPatterns.matchAll(view)) {
        const spec = m.payload;
        if (spec.unless) {
          let spans = unlessSpans.get(spec.unless);
          if (!spans) unlessSpans.set(spec.unless, (spans = spec.unless.matchAll(view).map((x) => [x.from, x.to] as [number, number])));
          if (spans.some(([from, to]) => from <= m.to && to >= m.from)) continue;
        }
        if (spec.alongside) {
          let found = alongsideSentences.get(spec.alongside);
          if (!found) alongsideSentences.set(spec.alongside, (found = new Set(spec.alongside.matchAll(view).map((x) => view.sentenceOf[x.from]))));
          const s = view.sentenceOf[m.from];
          let near = false;
          for (let d = -spec.within; d <= spec.within && !near; d++) near = found.has(s + d);
          if (!near) continue;
        }
        const sentence = view.sentenceOf[m.from];
        const quotedWords = view.quoted[m.from] === 1;
        // words that are the offence, quoted: whoever said them is the doer, whatever the quoted verbs' own subjects
        const own = governingAct(m.matched, m.from, view, actAt);
        // ...and so are words reported as said ("she wrote that I should..."): the doer is whoever said them
        const speaker = spec.spoken && (quotedWords || own?.reported) ? speakerOf(m.from, view, actAt) : null;
        // quoted words nobody is said to have said are someone's words: their "I" is not the writer
        const act = speaker ?? (spec.spoken && quotedWords ? undefined : own);
        // "told her staff to delete the emails": an act done on the office holder's instruction is theirs
        const instructed = !speaker && act && REDIRECTED.has(act.doer) && instructedByOfficeHolder(act, view, analysis.acts);
        const doer = instructed ? 'office_holder' : (act?.doer ?? 'unknown');
        const isNegated = spec.negatable && !!act && (act.negated || negated.has(act.verb));
        let strength: OffenceFinding['strength'] = 'none';
        let reason: string | undefined;
        if (isNegated) reason = 'negated: the complaint says it did not happen';
        // words in quotation marks are what someone said ("'your lot' are the ones nicking the cars"), not an act
        else if (quotedWords && !speaker && doer !== 'office_holder') reason = 'inside quotation marks: words someone said, not something the office holder did';
        // "told the radio that our protesters smashed windows": what someone told of another person
        else if (act?.reported && !speaker && doer !== 'office_holder' && doer !== 'unknown') reason = `something the office holder or someone else said ${doer.replace(/_/g, ' ')} did`;
        else if (act && askedFor(act, view, analysis.acts)) reason = 'something the writer asks the office holder to do, not something done';
        else if (spec.doer === 'involved') {
          if (doer === 'office_holder' || officeHolderSentences.has(sentence)) strength = doer === 'office_holder' || doer === 'unknown' || doer === 'person' || doer === 'other_body' ? 'act' : 'sign';
          // named in the sentence before ("...were used by the Commissioner. We never wrote them."): a sign
          else if (officeHolderSentences.has(sentence - 1) && !REDIRECTED.has(doer)) strength = 'sign';
          else reason = 'the office holder is not named in that sentence';
        } else if (doer === 'office_holder') strength = 'act';
        else if (doer === 'unknown') {
          if (officeHolderSentences.has(sentence)) strength = 'sign';
          else reason = 'nobody named does it, and the office holder is not named in that sentence';
        } else reason = `done by ${doer.replace(/_/g, ' ')}, not the office holder`;
        if (spec.signOnly && strength === 'act') strength = 'sign';
        findings.push(finding(text, spec.family, spec.act, spec.meaning, m.from, m.to, view, doer, strength, reason, act?.reported ?? false));
  }

  const actSentences = new Set(findings.filter((f) => f.strength === 'act').map((f) => view.sentenceOf[tokenAt(view, f.start)]));
  for (const m of namedPatterns.matchAll(view)) {
      const { family, title } = m.payload;
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
      else if (rhetoricSentences.has(sentence) && !actSentences.has(sentence)) {
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
  return findings.sort((a, b) => a.start - b.start);
}

/** Verbs by which someone says, writes or sends words. */
const SPEAKING = new Set(['say', 'tell', 'shout', 'scream', 'yell', 'message', 'text', 'write', 'post', 'tweet', 'reply', 'email', 'add', 'warn', 'threaten', 'call', 'send', 'comment', 'answer', 'whisper', 'mutter', 'go', 'sneer', 'snap', 'respond', 'put', 'read']);
/** Tokens looked back from a quotation's first word for the verb that introduces it. */
const SPEAKER_REACH = 15;

/**
 * Who said the words at `token` (quoted, or reported: "wrote that I should..."): the verb of saying, writing or
 * sending just before them (in their sentence or the one before), with its doer. Null when none is found.
 */
function speakerOf(token: number, view: TokenView, actAt: Map<number, Act>): Act | null {
  let k = token;
  while (k > 0 && view.quoted[k - 1] === 1) k--;
  const sentence = view.sentenceOf[k];
  for (let j = k - 1; j >= 0 && j >= k - SPEAKER_REACH && view.sentenceOf[j] >= sentence - 1; j--) {
    if (view.quoted[j] === 1) continue;
    const act = actAt.get(j);
    if (act && SPEAKING.has(view.analysis.lemmas[j]) && !act.negated) return act;
  }
  return null;
}

/** Verbs that say an offence was done: "committed fraud", "is guilty of bribery", "accused her of theft". */
const ACCUSING_VERBS = new Set(['commit', 'accuse', 'allege', 'guilty', 'amount', 'constitute', 'involve', 'engage', 'carry', 'report', 'investigate', 'arrest', 'charge', 'convict', 'caught', 'catch', 'admit', 'confess']);
const DEMONSTRATIVES = new Set(['this', 'that', 'it', 'which', 'what']);
/** "the mayor is a fraud", "an absolute crook": the offence's name as a label for a person. */
const LABEL_BEFORE = new Set(['a', 'an', 'absolute', 'total', 'complete', 'utter', 'proper', 'such']);
const REDIRECTED = new Set<Party>(['office', 'chief_constable', 'police_officers', 'force', 'other_body', 'person', 'complainant']);

/** The token starting at a character offset (binary search: starts are in order). */
function tokenAt(view: TokenView, start: number): number {
  const starts = view.analysis.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= start) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function finding(
  text: string, family: string, act: string, meaning: string, from: number, to: number, view: TokenView,
  doer: Party, strength: OffenceFinding['strength'], reason: string | undefined, reported: boolean,
): OffenceFinding {
  const start = view.analysis.starts[from];
  const end = view.analysis.ends[to];
  return { family, act, meaning, quote: text.slice(start, end), start, end, doer, strength, ...(reason ? { reason } : {}), reported };
}
