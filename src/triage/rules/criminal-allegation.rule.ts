import { familyTitle, offencesOf, type OffenceFinding } from './offence-screen.js';
import type { Evidence, RuleStep } from './rule.types.js';
import { cancelCovered, cappedWeight, compileSignals, partyWords, scanSignals, toEvidence, type SignalHit } from './signal-scan.js';
import { analyse } from './text-analysis.js';
import { loadVocabulary } from './vocabulary.js';

const signals = compileSignals(loadVocabulary('criminal-allegation'));
/** An offence described inside a fantastical claim ("he steals my thoughts through the TV") is not an allegation. */
const absurdSignals = compileSignals(loadVocabulary('vexatious')).filter((s) => s.name === 'absurd');

/** Scores at or above these decide; between POSSIBLE and ALLEGED the rules still choose the criminal route. */
export const ALLEGED_SCORE = 3;
export const POSSIBLE_SCORE = 2;
const OFFENCE_KINDS = new Set(['act', 'named', 'victim', 'weak', 'referral']);
/** Faint signs only: reported, and used by the decision when no other rule decides. */
const HINT = 'hint';
const CANCELLING_KINDS = new Set(['rhetoric', 'label']);
const OTHER_PARTIES = new Set(['police', 'chief_constable', 'opcc_staff', 'person']);

/**
 * Does it allege an offence by the office holder, named or described? Rhetoric and insults are not allegations;
 * acts by police officers or other people are reported but not counted. Doubt resolves to "possible".
 *
 * Verdicts: alleged | possible | against_others (an offence by someone else, e.g. officers) | rhetoric | none.
 */
export const criminalAllegationRule: RuleStep<'criminal_allegation'> = {
  name: 'criminal_allegation',
  question: 'Does it allege, in words or by description, that the office holder committed an offence?',
  run(facts) {
    const analysis = analyse(facts);
    const hits = scanSignals(analysis, signals);
    const cancelling = hits.filter((h) => CANCELLING_KINDS.has(h.kind ?? '') && !h.negated);
    cancelCovered(hits, cancelling, 'crime words used as rhetoric or as an insult, not an act');
    const offence = hits.filter((h) => OFFENCE_KINDS.has(h.kind ?? ''));
    const sentence = (h: { index: number }) => analysis.sentenceAt(h.index);
    const absurd = new Set(scanSignals(analysis, absurdSignals).filter((h) => !h.negated).map(sentence));
    // policy talk colours its own sentence and the next two ("Another precept rise. Twelve percent. It's theft.")
    const policyTalk = new Set(hits.filter((h) => h.kind === 'rhetoric_context' && !h.negated).flatMap((h) => [0, 1, 2].map((n) => sentence(h) + n)));
    const actsIn = new Set(offence.filter((h) => h.counted && h.kind === 'act').map(sentence));
    // the same crime word said again as rhetoric ("The precept rise is extortion. ... It's extortion, plain and simple.")
    const rhetoricWords = new Set(cancelling.filter((h) => h.kind === 'rhetoric').map((h) => lastWord(h.quote)));
    for (const h of offence) {
      if (!h.counted) continue;
      if (absurd.has(sentence(h))) uncount(h, 'part of a fantastical claim, not a credible allegation');
      // "closing the station is a crime": an offence named in a sentence about policy, with no act described
      else if (h.kind === 'named' && h.signal === 'named_offence_frame' && policyTalk.has(sentence(h)) && !actsIn.has(sentence(h)) && !actsIn.has(sentence(h) - 1)) {
        uncount(h, 'an offence word in a sentence about policy or spending, with no act described: rhetoric');
      } else if (h.signal === 'named_offence_frame' && !actsIn.size && rhetoricWords.has(lastWord(h.quote))) {
        uncount(h, 'the same crime word the complaint uses as rhetoric about a policy, with no act described');
      }
    }
    const counted = offence.filter((h) => h.counted);
    const disclaimer = hits.filter((h) => h.kind === 'disclaimer' && h.counted);
    const score = cappedWeight(counted, 1) + cappedWeight(disclaimer, 1);
    const strong = counted.some((h) => (h.kind === 'act' || h.kind === 'named') && h.weight >= ALLEGED_SCORE);
    const byOthers = offence.filter((h) => !h.counted && OTHER_PARTIES.has(h.actor.party) && (h.kind === 'act' || h.kind === 'named'));
    const againstParty = mostCommon(byOthers.map((h) => h.actor.party));

    const hints = hits.filter((h) => h.kind === HINT && h.counted && !absurd.has(sentence(h)));
    // the offence families read on lemmas, each with its doer from the language analysis
    const offences = offencesOf(facts.analysis, analysis.text);
    for (const f of offences) {
      if (f.strength !== 'none' && absurd.has(analysis.sentenceAt(f.start))) {
        f.strength = 'none';
        f.reason = 'part of a fantastical claim, not a credible allegation';
      }
    }
    const screenActs = offences.filter((f) => f.strength === 'act' || f.strength === 'named');
    const screenSigns = offences.filter((f) => f.strength === 'sign');
    const screenAgainst = offences.filter((f) => f.strength === 'none' && REDIRECTED_DOERS.has(f.doer));
    const verdict =
      (strong && score >= ALLEGED_SCORE) || score >= ALLEGED_SCORE + 1 || screenActs.some((f) => f.strength === 'act') ? 'alleged'
      : score >= POSSIBLE_SCORE || screenActs.length || screenSigns.length ? 'possible'
      : againstParty && againstParty !== 'person' ? 'against_others'
      : screenAgainst.length && !cancelling.length ? 'against_others'
      : cancelling.length ? 'rhetoric'
      : 'none';

    const evidence: Evidence[] = screenEvidence([...screenActs, ...screenSigns, ...screenAgainst]);
    if (verdict === 'possible' && counted.length) {
      evidence.push({
        quote: counted[0].quote,
        meaning: 'unsure whether an offence is alleged: the rules choose the criminal route so an officer can decide (a missed referral is the worst failure)',
      });
    }
    if (verdict === 'against_others' && byOthers.length) {
      evidence.push({ quote: byOthers[0].quote, meaning: `an offence is described, but done by ${partyWords(againstParty!)}: a matter for them, not the panel` });
    }
    evidence.push(...toEvidence([...counted, ...disclaimer, ...cancelling, ...offence.filter((h) => !h.counted), ...(verdict === 'none' ? hints : [])]));
    return {
      verdict,
      evidence,
      findings: {
        score,
        signals: [...new Set(counted.map((h) => h.signal))],
        againstParty: againstParty ?? screenAgainstParty(screenAgainst),
        rhetoric: cancelling.map((h) => h.quote),
        hints: hints.map((h) => h.quote),
        offences: offences.filter((f) => f.strength !== 'none' || REDIRECTED_DOERS.has(f.doer)).slice(0, 30),
      },
    };
  },
};

const REDIRECTED_DOERS = new Set(['office', 'chief_constable', 'police_officers', 'force', 'other_body']);
const SCREEN_PARTY: Record<string, string> = { police_officers: 'police', force: 'police', office: 'opcc_staff', chief_constable: 'chief_constable', other_body: 'other_body' };

function screenAgainstParty(findings: OffenceFinding[]): string | null {
  return findings.length ? (SCREEN_PARTY[findings[0].doer] ?? null) : null;
}

/** The screen's findings in the complaint's words: what offence, done by whom, and whether it counts. */
function screenEvidence(findings: OffenceFinding[]): Evidence[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => !seen.has(f.quote.toLowerCase()) && seen.add(f.quote.toLowerCase()))
    .slice(0, 8)
    .map((f) => ({
      quote: f.quote,
      meaning:
        f.strength === 'act' || f.strength === 'named' ? `${f.meaning} [${familyTitle(f.family)}; done by the office holder${f.reported ? ', as the writer was told' : ''}]`
        : f.strength === 'sign' ? `${f.meaning}: a possible offence, the doer is not clear [${familyTitle(f.family)}]`
        : `${f.meaning}: not counted, ${f.reason}`,
    }));
}

const lastWord = (quote: string) => quote.toLowerCase().split(/\W+/).filter(Boolean).pop() ?? '';

function uncount(h: SignalHit, reason: string): void {
  h.counted = false;
  h.reason = reason;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
