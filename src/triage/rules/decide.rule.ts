import type { Category } from '../../complaints/complaint-categories.js';
import { reg15Grounds } from './reg15.js';
import type { ComplaintFacts, Decision, Evidence, StepName, StepVerdict } from './rule.types.js';

export type StepVerdicts = Record<StepName, StepVerdict>;

const OFFICE_HOLDER_REMIT = new Set(['office_holder', 'unclear']);
const ROUTE_OF_PARTY: Record<string, { route: string; body: string }> = {
  police: { route: 'force', body: "the force's professional standards department" },
  chief_constable: { route: 'pcc', body: 'the Police and Crime Commissioner (complaints about the chief constable)' },
  opcc_staff: { route: 'opcc_chief_executive', body: 'the OPCC chief executive' },
};

/**
 * The precedence of the domain notes: criminal first (a possible offence is never held back), then vexatious
 * (including repetitious), then outside the remit, then political, and conduct for a genuine conduct allegation;
 * political disagreement together with a conduct allegation is a conduct complaint.
 */
export function decide(steps: StepVerdicts, facts: ComplaintFacts): Decision {
  const crime = steps.criminal_allegation;
  const criminal = crime.verdict === 'alleged' || crime.verdict === 'possible';
  const conduct = steps.conduct.verdict === 'conduct';
  const political = steps.political.verdict === 'political';
  const repetitious = steps.repetition.verdict === 'repetitious';
  const abusive = steps.vexatious.verdict === 'abusive';
  const vexatious = steps.vexatious.verdict === 'vexatious' || repetitious || (abusive && !conduct && !criminal);
  const route = routeOf(steps);
  const redirect = route !== null && !(conduct && OFFICE_HOLDER_REMIT.has(steps.remit.verdict));
  const hinted = ((steps.criminal_allegation.findings.hints as unknown[] | undefined) ?? []).length > 0;

  const [category, because, lead]: [Category, string, StepName] =
    criminal ? ['criminal', crime.verdict === 'alleged' ? 'an offence by the office holder is alleged' : 'an offence may be alleged: when unsure the rules choose the IOPC route', 'criminal_allegation']
    : vexatious ? ['vexatious', vexatiousReason(steps, repetitious, abusive), repetitious ? 'repetition' : 'vexatious']
    : redirect ? ['non_policing', `it is not about the office holder's own conduct: redirect to ${route!.body}`, 'remit']
    : political && !conduct ? ['political', 'it disagrees with a decision, policy, budget, appointment or view, and alleges no misconduct', 'political']
    : conduct ? ['conduct', political ? 'it alleges misconduct by the office holder (beside a political disagreement, which does not make it political)' : 'it alleges misconduct by the office holder', 'conduct']
    : hinted ? ['criminal', 'no rule matched clearly, but words often used about offences appear near the office holder: when unsure the rules choose the IOPC route', 'criminal_allegation']
    : ['conduct', 'no rule matched clearly: recorded as a conduct complaint for an officer to review', 'remit'];

  const signalled = { criminal, vexatious: steps.vexatious.verdict === 'vexatious' || repetitious, abusive, redirect, political, conduct };
  const strong = [signalled.criminal, signalled.vexatious, signalled.redirect, signalled.conduct].filter(Boolean).length;
  const nothing = !Object.values(signalled).some(Boolean);
  const reasons = reviewReasons(steps, { ...signalled, strong, nothing });
  const needsReview = reasons.length > 0;
  const confidence = nothing ? 0.3 : crime.verdict === 'possible' ? 0.55 : Math.max(0.5, Math.round((0.9 - 0.1 * Math.max(0, strong - 1) - (needsReview ? 0.1 : 0)) * 100) / 100);
  const grounds = reg15Grounds(steps, facts);

  const leadQuote = steps[lead].evidence.find((e) => e.quote)?.quote ?? '';
  const evidence: Evidence[] = [
    { quote: leadQuote, meaning: `${category}: ${because}` },
    ...reasons.map((r) => ({ quote: '', meaning: `needs officer review: ${r}` })),
    ...grounds.map((g) => ({ quote: g.quote, meaning: `reg 15 ground the panel may use: ${g.ground} (${g.evidence})` })),
  ];
  const reg15 = grounds.map(({ ground, evidence: e }) => ({ ground, evidence: e }));
  return {
    verdict: category,
    category,
    confidence,
    needsReview,
    reg15Grounds: reg15,
    evidence,
    findings: {
      because,
      confidence,
      needsReview,
      reviewReasons: reasons,
      reg15Grounds: reg15,
      route: category === 'non_policing' ? route!.route : null,
      body: category === 'non_policing' ? route!.body : null,
      duplicateOf: steps.repetition.findings.duplicateOf ?? null,
    },
  };
}

/** Where a complaint outside the remit goes: from the remit step, or from an offence described against officers. */
function routeOf(steps: StepVerdicts): { route: string; body: string } | null {
  const remit = steps.remit;
  if (!OFFICE_HOLDER_REMIT.has(remit.verdict) && remit.findings.route) {
    return { route: String(remit.findings.route), body: String(remit.findings.body) };
  }
  const againstParty = String(steps.criminal_allegation.findings.againstParty ?? '');
  if (steps.criminal_allegation.verdict === 'against_others' && ROUTE_OF_PARTY[againstParty]) return ROUTE_OF_PARTY[againstParty];
  return null;
}

function vexatiousReason(steps: StepVerdicts, repetitious: boolean, abusive: boolean): string {
  if (steps.vexatious.verdict === 'vexatious') return 'it misuses the complaints procedure (vexatious or oppressive)';
  if (repetitious) return `it repeats ${String(steps.repetition.findings.firstReference)}, already decided, with nothing new (repetitious)`;
  return abusive ? 'it is abuse with no allegation about what the office holder did' : 'vexatious';
}

function reviewReasons(
  steps: StepVerdicts,
  s: { criminal: boolean; vexatious: boolean; abusive: boolean; redirect: boolean; political: boolean; conduct: boolean; strong: number; nothing: boolean },
): string[] {
  const reasons: string[] = [];
  if (steps.criminal_allegation.verdict === 'possible') reasons.push('a possible offence: confirm before referring to the IOPC');
  if (s.nothing && ((steps.criminal_allegation.findings.hints as unknown[] | undefined) ?? []).length) reasons.push('only faint signs of an offence: confirm before referring to the IOPC');
  if (s.nothing) reasons.push('no rule matched clearly');
  if (s.strong > 1) reasons.push('signals point to more than one category');
  if (s.abusive && (s.conduct || s.criminal)) reasons.push('abusive language beside a genuine allegation');
  if (steps.repetition.verdict === 'duplicate_of_open') reasons.push(`duplicate of open case ${String(steps.repetition.findings.duplicateOf)}: link or combine`);
  if (steps.repetition.verdict === 'repeat_with_new_matter') reasons.push('similar to an earlier complaint, but the writer offers something new');
  if (steps.remit.verdict === 'unclear') reasons.push('no party clearly named');
  return reasons;
}
