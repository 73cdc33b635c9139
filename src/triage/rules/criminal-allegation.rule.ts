import { cancelCovered, CompiledPolicy, partyWords, toEvidence } from './act-policy.js';
import { familyTitle, offencesOf, type OffenceFinding } from './offence-screen.js';
import type { Evidence, RuleStep } from './rule.types.js';
import { vexatiousPolicy } from './vexatious.rule.js';

/** policy/criminal.yaml, compiled once; the model reads its findings too. */
export const criminalPolicy = new CompiledPolicy('criminal');
/** Offences of gain: a writer who says nobody gained ("I am not suggesting he made money") sets them aside. */
const GAIN_FAMILIES = new Set(['theft', 'fraud_and_public_money', 'bribery', 'misconduct_in_public_office']);
const FANTASTICAL = new Set(['fantastical_claims', 'drugged_population', 'sweeping_conspiracy']);
const REDIRECTED_DOERS = new Set(['office', 'chief_constable', 'police_officers', 'force', 'other_body']);
const SCREEN_PARTY: Record<string, string> = { police_officers: 'police', force: 'police', office: 'opcc_staff', chief_constable: 'chief_constable', other_body: 'other_body' };
/** Weights of the findings in the step's score (kept for officers and the model): an act, a named offence, a sign. */
const STRENGTH_SCORE: Record<OffenceFinding['strength'], number> = { act: 3, named: 2, sign: 1, none: 0 };

/**
 * Does it allege an offence by the office holder, named or described? The offence screen (policy/offences/, run by
 * the analyse step) finds each offence with its doer; this step sets aside the ones inside fantastical claims, said
 * of a policy or budget (rhetoric), or disclaimed by the writer, and adds an act called unlawful without naming the
 * offence (policy/criminal.yaml). Doubt resolves to "possible": a missed referral is the worst failure.
 *
 * Verdicts: alleged | possible | against_others (an offence by someone else, e.g. officers) | rhetoric | none.
 */
export const criminalAllegationRule: RuleStep<'criminal_allegation'> = {
  name: 'criminal_allegation',
  question: 'Does it allege, in words or by description, that the office holder committed an offence?',
  run(facts) {
    const text = `${facts.summary}\n${facts.details}`;
    const hits = criminalPolicy.find(facts.analysis, text);
    const rhetoric = hits.filter((h) => h.kind === 'rhetoric' && h.counted);
    const disclaimer = hits.filter((h) => h.kind === 'disclaimer' && h.counted);
    const unlawful = hits.filter((h) => h.kind === 'unlawful');
    cancelCovered(unlawful, rhetoric, 'said of a policy or budget: rhetoric, not an allegation');
    const vexatious = vexatiousPolicy.find(facts.analysis, text).filter((h) => h.counted);
    const fantastical = new Set(vexatious.filter((h) => FANTASTICAL.has(h.act)).map((h) => h.sentence));
    // crime words as insults ("the mayor is a crook") cancel like rhetoric: a label, not an act
    const labels = vexatious.filter((h) => h.act === 'crime_labels');
    cancelCovered(unlawful, labels, 'crime words used as a label or an insult, with no act described');
    rhetoric.push(...labels);
    const rhetoricSentences = new Set(rhetoric.map((h) => h.sentence));

    const offences = offencesOf(facts.analysis, text);
    const sentences = offenceSentences(facts.analysis, offences);
    const actSentences = new Set(offences.flatMap((f, i) => (f.strength === 'act' ? [sentences[i]] : [])));
    offences.forEach((f, i) => {
      if (f.strength === 'none') return;
      const s = sentences[i];
      if (fantastical.has(s) || (fantastical.size && f.strength === 'sign')) setAside(f, 'part of a fantastical claim, not a credible allegation');
      else if (f.strength !== 'act' && rhetoricSentences.has(s) && !actSentences.has(s)) setAside(f, 'crime words said of a policy, budget or decision: rhetoric, not an allegation');
      else if (disclaimer.length && (f.strength !== 'act' || GAIN_FAMILIES.has(f.family))) setAside(f, 'the writer says no offence or personal gain is suggested');
    });
    const unlawfulCounted = unlawful.filter((h) => h.counted && !fantastical.has(h.sentence) && !disclaimer.length);
    // an offence named as something the office holder did ("she committed perjury") is alleged, like one described
    const acts = offences.filter((f) => f.strength === 'act' || f.strength === 'named');
    const signs = offences.filter((f) => f.strength === 'sign');
    const against = offences.filter((f) => f.strength === 'none' && REDIRECTED_DOERS.has(f.doer));
    const verdict =
      acts.length ? 'alleged'
      : signs.length || unlawfulCounted.length ? 'possible'
      : against.length && !rhetoric.length ? 'against_others'
      : rhetoric.length ? 'rhetoric'
      : 'none';
    const score = Math.min(6, offences.reduce((sum, f) => sum + STRENGTH_SCORE[f.strength], 0) + unlawfulCounted.length);

    const evidence: Evidence[] = screenEvidence([...acts, ...signs, ...against]);
    if (verdict === 'possible') {
      evidence.push({
        quote: signs[0]?.quote ?? unlawfulCounted[0]?.quote ?? '',
        meaning: 'unsure whether an offence is alleged: the rules choose the criminal route so an officer can decide (a missed referral is the worst failure)',
      });
    }
    if (verdict === 'against_others') evidence.push({ quote: against[0].quote, meaning: `an offence is described, but done by ${partyWords(against[0].doer)}: a matter for them, not the panel` });
    evidence.push(...toEvidence(hits, 6));
    return {
      verdict,
      evidence,
      findings: {
        score,
        signals: [...new Set([...acts, ...signs].map((f) => `${f.family}:${f.act}`)), ...unlawfulCounted.map((h) => h.act)],
        againstParty: against.length ? (SCREEN_PARTY[against[0].doer] ?? null) : null,
        rhetoric: rhetoric.map((h) => h.quote),
        hints: [],
        offences: offences.filter((f) => f.strength !== 'none' || REDIRECTED_DOERS.has(f.doer)).slice(0, 30),
      },
    };
  },
};

function setAside(f: OffenceFinding, reason: string): void {
  f.strength = 'none';
  f.reason = reason;
}

/** The sentence of each finding (findings carry character offsets; sentences are token indices). */
function offenceSentences(analysis: { starts: number[]; sentences: number[] }, offences: OffenceFinding[]): number[] {
  return offences.map((f) => {
    let token = 0;
    let lo = 0;
    let hi = analysis.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (analysis.starts[mid] <= f.start) {
        token = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let s = 0;
    while (s + 1 < analysis.sentences.length && analysis.sentences[s + 1] <= token) s++;
    return s;
  });
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
