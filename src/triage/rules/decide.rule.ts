import type { Category } from '../../complaints/complaint-categories.js';
import { readPolicy } from '../language/parties.js';
import type { ModelOpinion } from '../model/triage-model.js';
import { allegationsOf } from './allegations.js';
import { routeOfRemitParty } from './remit.rule.js';
import { reg15Grounds } from './reg15.js';
import type { ComplaintFacts, Decision, Evidence, ReviewReason, StepName, StepVerdicts } from './rule.types.js';

interface DecidePolicy {
  /** A possible (not plainly alleged) offence makes the case criminal when the model's criminal probability reaches this. */
  possible_offence_criminal: number;
  /** The model's top label, at least this sure, against the rules' category: ask an officer. */
  disagreement_confidence: number;
  /** ...unless the model is at least this sure: its label stands without a review. */
  model_settles_at: number;
  /** The model's label replaces the rules' when it is at least this sure and no offence is plainly alleged. */
  model_overrides_at: number;
  /** When no rule decides and the model is at least this sure, its label stands without a low_confidence review. */
  model_sure: number;
  /** When no rule decides, the model's label stands at this confidence, with a low_confidence review. */
  model_only_confidence: number;
}

const policy = readPolicy<DecidePolicy>('decide.yaml');
const OFFICE_HOLDER_REMIT = new Set(['office_holder', 'unclear']);
const ROUTE_OF_PARTY: Record<string, { route: string; body: string }> = {
  police: { route: 'force', body: "the force's professional standards department" },
  chief_constable: { route: 'pcc', body: 'the Police and Crime Commissioner (complaints about the chief constable)' },
  opcc_staff: { route: 'opcc_chief_executive', body: 'the OPCC chief executive' },
  other_body: { route: 'other_body', body: 'the body responsible' },
};

/**
 * The precedence of the domain notes, applied across the allegations a complaint makes: criminal first (a possible
 * offence by the office holder is never held back, whatever else the letter says about the police), then vexatious
 * (a repeat with nothing new is repetitious whether the earlier case is open or decided), then outside the remit,
 * then political, and conduct for a genuine conduct allegation; political disagreement beside a conduct allegation
 * is conduct. When no rule decides, the model's label stands, marked low confidence, never a silent default.
 *
 * The possible-offence screen is apart from the category: any sign of an offence by the office holder, from the
 * rules or from the model, sets possibleOffence and a review, and nothing else here can switch it off.
 */
export function decide(steps: StepVerdicts, facts: ComplaintFacts): Decision {
  const crime = steps.criminal_allegation;
  const model = 'label' in steps.model.findings ? steps.model.findings : null;
  // the offence screen's faint signs alone raise a review; they decide the category with the phrase rules or the model
  const criminal = crime.verdict === 'alleged' || (crime.verdict === 'possible' && (model ? model.label === 'criminal' || model.criminal >= policy.possible_offence_criminal : crime.findings.score >= 2));
  const conduct = steps.conduct.verdict === 'conduct';
  const political = steps.political.verdict === 'political';
  const repetitious = steps.repetition.verdict === 'repetitious';
  const abusive = steps.vexatious.verdict === 'abusive';
  const vexatious = steps.vexatious.verdict === 'vexatious' || repetitious || (abusive && !conduct && !criminal);
  const route = routeOf(steps);
  const redirect = route !== null && !(conduct && OFFICE_HOLDER_REMIT.has(steps.remit.verdict));
  const nothing = !criminal && !vexatious && !redirect && !political && !conduct && !abusive;

  const [rules, because, lead]: [Category, string, StepName] =
    criminal ? ['criminal', crime.verdict === 'alleged' ? 'an offence by the office holder is alleged' : 'an offence may be alleged: when unsure the rules choose the IOPC route', 'criminal_allegation']
    : vexatious ? ['vexatious', vexatiousReason(steps, repetitious, abusive), repetitious ? 'repetition' : 'vexatious']
    : redirect ? ['non_policing', `it is not about the office holder's own conduct: redirect to ${route.body}`, 'remit']
    : political && !conduct ? ['political', 'it disagrees with a decision, policy, budget, appointment or view, and alleges no misconduct', 'political']
    : conduct ? ['conduct', political ? 'it alleges misconduct by the office holder (beside a political disagreement, which does not make it political)' : 'it alleges misconduct by the office holder', 'conduct']
    : ['conduct', 'no rule matched clearly', 'remit'];
  // the model decides when no rule does, and when it is very sure the rules are wrong and no offence is plainly
  // alleged (a repeat stays repetitious: the model does not see the earlier complaint)
  const modelOverrides = model !== null && !nothing && model.label !== rules && model.probabilities[model.label] >= policy.model_overrides_at && crime.verdict !== 'alleged' && !repetitious;
  const modelDecides = (nothing && model !== null) || modelOverrides;
  const category: Category = modelDecides ? model.label : rules;

  const rulesPossibleOffence = crime.verdict === 'alleged' || crime.verdict === 'possible';
  const possibleOffence = rulesPossibleOffence || (model !== null && model.criminal >= model.criminalThreshold);
  const { reasons, notes } = reviewReasons(steps, { category, rules, model, possibleOffence, nothing, redirect, conduct, criminal, abusive });
  const strong = [criminal, vexatious, redirect, conduct].filter(Boolean).length;
  const confidence =
    steps.analyse.findings.language !== 'en' ? 0
    : modelDecides && !modelOverrides ? Math.min(policy.model_only_confidence, model.probabilities[category])
    : modelOverrides ? 0.5
    : nothing ? 0.3
    : Math.max(0.5, Math.round((0.9 - 0.1 * Math.max(0, strong - 1) - (reasons.length ? 0.1 : 0)) * 100) / 100);
  const grounds = reg15Grounds(steps, facts);
  const leadQuote = steps[lead].evidence.find((e) => e.quote)?.quote ?? '';
  const headline: Evidence = modelDecides
    ? { quote: '', meaning: `${category}: ${modelOverrides ? `the rules said ${rules} (${because}), but the model is very sure` : 'no rule matched clearly, so this is'} the model's opinion (${percent(model.probabilities[category])}), for an officer to confirm` }
    : { quote: leadQuote, meaning: `${category}: ${because}` };
  const evidence: Evidence[] = [
    headline,
    ...(model ? [{ quote: '', meaning: `the model's opinion beside the rules': ${model.label} (${percent(model.probabilities[model.label])}); criminal ${percent(model.criminal)}` }] : []),
    ...(possibleOffence ? [{ quote: crime.evidence.find((e) => e.quote)?.quote ?? '', meaning: 'possible offence by the office holder: an officer must look by the end of the next working day, whatever the category' }] : []),
    ...notes.map((n) => ({ quote: '', meaning: `needs officer review: ${n}` })),
    ...grounds.map((g) => ({ quote: g.quote, meaning: `reg 15 ground the panel may use: ${g.ground} (${g.evidence})` })),
  ];
  const reg15 = grounds.map(({ ground, evidence: e }) => ({ ground, evidence: e }));
  const duplicateOf = steps.repetition.findings.duplicateOf ?? null;
  if (duplicateOf) evidence.push({ quote: '', meaning: `linked to open case ${duplicateOf}, which it repeats (first such complaint: ${steps.repetition.findings.firstReference})` });
  return {
    verdict: category,
    category,
    confidence,
    needsReview: reasons.length > 0,
    possibleOffence,
    reviewReasons: reasons,
    reg15Grounds: reg15,
    evidence,
    findings: {
      because: modelOverrides ? `the model's opinion, very sure, over the rules' ${rules}` : modelDecides ? "no rule matched clearly: the model's opinion" : because,
      confidence,
      needsReview: reasons.length > 0,
      reviewReasons: reasons,
      reviewNotes: notes,
      possibleOffence,
      rulesPossibleOffence,
      reg15Grounds: reg15,
      route: category === 'non_policing' ? (route ?? routeFromDoers(steps)).route : null,
      body: category === 'non_policing' ? (route ?? routeFromDoers(steps)).body : null,
      duplicateOf,
      rules,
      model,
      allegations: allegationsOf(steps),
    },
  };
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** Where a complaint outside the remit goes: from the remit step, or from an offence described against others. */
function routeOf(steps: StepVerdicts): { route: string; body: string } | null {
  const remit = steps.remit;
  if (!OFFICE_HOLDER_REMIT.has(remit.verdict) && remit.findings.route) return { route: remit.findings.route, body: remit.findings.body ?? '' };
  const againstParty = steps.criminal_allegation.findings.againstParty ?? '';
  if (steps.criminal_allegation.verdict === 'against_others' && ROUTE_OF_PARTY[againstParty] && againstParty !== 'other_body') return ROUTE_OF_PARTY[againstParty];
  return null;
}

const DOER_ROUTES: Record<string, { route: string; body: string }> = {
  police_officers: ROUTE_OF_PARTY.police,
  force: ROUTE_OF_PARTY.police,
  chief_constable: ROUTE_OF_PARTY.chief_constable,
  office: ROUTE_OF_PARTY.opcc_staff,
  other_body: ROUTE_OF_PARTY.other_body,
};

/**
 * When the model, not the rules, says non_policing: the party the remit step scored highest after the office holder
 * (its acts, mentions and subject matter), else whoever the analysis shows doing most of the acts.
 */
function routeFromDoers(steps: StepVerdicts): { route: string; body: string } {
  const scored = Object.entries(steps.remit.findings.scores).filter(([party]) => party !== 'office_holder' && routeOfRemitParty(party)).sort((a, b) => b[1] - a[1])[0];
  if (scored) return routeOfRemitParty(scored[0])!;
  const counts = new Map<string, number>();
  for (const act of steps.analyse.findings.acts) if (DOER_ROUTES[act.doer] && !act.negated) counts.set(act.doer, (counts.get(act.doer) ?? 0) + 1);
  // nobody redirected does anything: whoever is named ("Police still have my phone")
  if (!counts.size) for (const m of steps.analyse.findings.mentions) if (DOER_ROUTES[m.party]) counts.set(m.party, (counts.get(m.party) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return top ? DOER_ROUTES[top[0]] : ROUTE_OF_PARTY.other_body;
}

function vexatiousReason(steps: StepVerdicts, repetitious: boolean, abusive: boolean): string {
  if (repetitious) {
    const first = steps.repetition.findings.firstReference;
    const open = steps.repetition.findings.duplicateOf;
    return `it repeats ${first} with nothing new (repetitious)${open ? `; linked to open case ${open}` : ''}`;
  }
  if (steps.vexatious.verdict === 'vexatious') return 'it misuses the complaints procedure (vexatious or oppressive)';
  return abusive ? 'it is abuse with no allegation about what the office holder did' : 'vexatious';
}

function reviewReasons(
  steps: StepVerdicts,
  s: { category: Category; rules: Category; model: ModelOpinion | null; possibleOffence: boolean; nothing: boolean; redirect: boolean; conduct: boolean; criminal: boolean; abusive: boolean },
): { reasons: ReviewReason[]; notes: string[] } {
  const out = new Map<ReviewReason, string>();
  const language = steps.analyse.findings.language;
  if (s.possibleOffence) out.set('possible_offence', 'a possible offence by the office holder: confirm before referring to the IOPC, or clear it with the reason');
  if (language === 'not_english') out.set('not_english', 'written in a language the rules do not read: an officer (or a translator) must read it');
  if (language === 'empty') out.set('empty', 'no words to read: an officer must look at what was sent');
  // with nothing matched, the model's label stands; an officer is asked to look unless the model is clearly sure
  if (s.nothing && !(s.model && s.model.probabilities[s.model.label] >= policy.model_sure)) {
    out.set('low_confidence', s.model ? "no rule matched clearly, and the model is not sure either" : 'no rule matched clearly');
  }
  const modelSure = s.model ? s.model.probabilities[s.model.label] : 0;
  if (s.model && !s.nothing && s.model.label !== s.rules && modelSure >= policy.disagreement_confidence && !(modelSure >= policy.model_settles_at && s.category === s.model.label)) {
    out.set('rules_and_model_disagree', `the rules say ${s.rules}, the model ${s.model.label} (${percent(s.model.probabilities[s.model.label])})`);
  }
  if (s.abusive && (s.conduct || s.criminal)) out.set('abusive_with_allegation', 'abusive language beside a genuine allegation');
  if (steps.repetition.verdict === 'repeat_with_new_matter') out.set('repeat_with_new_matter', 'similar to an earlier complaint, but the writer offers something new');
  return { reasons: [...out.keys()], notes: [...out.values()] };
}
