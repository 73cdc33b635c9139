import type { ComplaintFacts, StepVerdicts } from './rule.types.js';

export interface Reg15Finding {
  ground: string;
  evidence: string;
  /** Words of the complaint behind the ground, when there are any. */
  quote: string;
}

/**
 * The grounds for disapplying (reg 15) that the rules can see. A panel decides whether to use them; they never
 * change the category. Vexatious and repetitious are categories of their own and are not repeated here.
 */
export function reg15Grounds(steps: StepVerdicts, facts: ComplaintFacts): Reg15Finding[] {
  const grounds: Reg15Finding[] = [];
  if (facts.incidentDate && moreThanTwelveMonths(facts.incidentDate, facts.receivedAt)) {
    grounds.push({
      ground: 'made more than 12 months after the incident',
      evidence: `incident on ${facts.incidentDate}, received on ${facts.receivedAt.slice(0, 10)}; the panel asks whether there is good reason for the delay`,
      quote: '',
    });
  }
  if (!facts.hasName && !facts.hasPostalAddress) {
    grounds.push({ ground: 'no name and address given', evidence: 'neither a name nor a postal address was given; the panel asks whether they can be found', quote: '' });
  }
  if (steps.conduct.findings.towardsOwnStaff) {
    const quote = steps.conduct.evidence.find((e) => /staff/i.test(e.meaning))?.quote ?? '';
    grounds.push({ ground: "about conduct towards a member of the office holder's own staff", evidence: 'the conduct alleged is towards the office holder\'s own staff', quote });
  }
  if (steps.repetition.findings.duplicateOf) {
    grounds.push({
      ground: 'already the subject of another complaint',
      evidence: `substantially the same as open case ${steps.repetition.findings.duplicateOf}`,
      quote: steps.repetition.evidence[0]?.quote ?? '',
    });
  }
  return grounds;
}

/** True when the second ISO date is after the first anniversary of the first. */
function moreThanTwelveMonths(from: string, to: string): boolean {
  const [fy, fm, fd] = from.slice(0, 10).split('-').map(Number);
  const [ty, tm, td] = to.slice(0, 10).split('-').map(Number);
  return Date.UTC(ty, tm - 1, td) > Date.UTC(fy + 1, fm - 1, fd);
}
