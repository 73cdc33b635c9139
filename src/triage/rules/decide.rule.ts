import type { Category } from '../../complaints/complaint-categories.js';
import type { ComplaintFacts, Decision, Evidence, StepName, StepVerdict } from './rule.types.js';

export type StepVerdicts = Record<StepName, StepVerdict>;

const DAY_MS = 86_400_000;

/**
 * The precedence of the domain notes: criminal first (a possible offence is never held back), then vexatious
 * (including repetitious), then non_policing, then political, and conduct for a genuine conduct allegation.
 */
export function decide(steps: StepVerdicts, facts: ComplaintFacts): Decision {
  const criminal = steps.criminal_allegation.verdict;
  const vexatious = steps.vexatious.verdict === 'vexatious' || steps.repetition.verdict === 'repetitious';
  const outsideRemit = !['office_holder', 'unclear'].includes(steps.remit.verdict);
  const political = steps.political.verdict === 'political';
  const conduct = steps.conduct.verdict === 'conduct';

  const [category, because]: [Category, string] =
    criminal === 'alleged' || criminal === 'possible'
      ? ['criminal', criminal === 'alleged' ? 'an offence is alleged' : 'an offence may be alleged; when unsure the rules choose the IOPC route']
      : vexatious
        ? ['vexatious', steps.repetition.verdict === 'repetitious' ? 'it repeats an earlier complaint already decided' : 'it is vexatious or abusive']
        : outsideRemit && !conduct
          ? ['non_policing', `it is about another body (${steps.remit.verdict})`]
          : political && !conduct
            ? ['political', 'it disagrees with a decision, policy or view, with no conduct allegation']
            : ['conduct', conduct ? 'it alleges misconduct by the office holder' : 'no rule matched clearly; recorded as a conduct complaint for an officer to review'];

  const signalled = [criminal !== 'none' && criminal !== 'rhetoric', vexatious, outsideRemit, political, conduct].filter(Boolean).length;
  const conflicting = signalled > 1 || criminal === 'possible' || signalled === 0;
  const confidence = signalled === 0 ? 0.3 : conflicting ? 0.6 : 0.9;
  const reg15Grounds = reg15(facts);
  const evidence: Evidence[] = [{ quote: '', meaning: `${category}: ${because}` }];
  return {
    verdict: category,
    category,
    confidence,
    needsReview: conflicting,
    reg15Grounds,
    evidence: [...evidence, ...reg15Grounds.map((g) => ({ quote: g.evidence, meaning: g.ground }))],
    findings: { because, confidence, needsReview: conflicting, reg15Grounds },
  };
}

function reg15(facts: ComplaintFacts): Decision['reg15Grounds'] {
  const grounds: Decision['reg15Grounds'] = [];
  if (facts.incidentDate && Date.parse(facts.receivedAt) - Date.parse(facts.incidentDate) > 365 * DAY_MS) {
    grounds.push({ ground: 'made more than 12 months after the incident (reg 15)', evidence: `incident date ${facts.incidentDate}` });
  }
  if (!facts.hasName && !facts.hasPostalAddress) {
    grounds.push({ ground: 'no name and address given (reg 15)', evidence: 'no name or postal address' });
  }
  return grounds;
}
