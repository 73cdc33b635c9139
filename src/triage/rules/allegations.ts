import type { Category } from '../../complaints/complaint-categories.js';
import type { Party } from '../language/parties.js';
import { familyTitle } from './offence-screen.js';
import type { Allegation, StepVerdicts } from './rule.types.js';

const PARTY_CATEGORY: Partial<Record<Party, Category>> = {
  office: 'non_policing', chief_constable: 'non_policing', police_officers: 'non_policing', force: 'non_policing', other_body: 'non_policing',
};

/**
 * The acts a complaint alleges, each with its doer, for officers: the offences the screen found (by the office
 * holder, or by someone else and so redirected), then the conduct and redirect findings in the complaint's words.
 */
export function allegationsOf(steps: StepVerdicts): Allegation[] {
  const out: Allegation[] = [];
  const seen = new Set<string>();
  const add = (a: Allegation) => {
    const key = a.quote.toLowerCase();
    if (!a.quote || seen.has(key) || out.length >= 12) return;
    seen.add(key);
    out.push(a);
  };
  for (const f of steps.criminal_allegation.findings.offences) {
    const byOfficeHolder = f.strength !== 'none';
    add({
      quote: f.quote,
      doer: f.doer,
      what: familyTitle(f.family),
      category: byOfficeHolder ? 'criminal' : (PARTY_CATEGORY[f.doer] ?? 'conduct'),
      counted: byOfficeHolder,
    });
  }
  if (steps.conduct.verdict === 'conduct') {
    for (const e of steps.conduct.evidence.filter((x) => x.quote && !/not counted/.test(x.meaning)).slice(0, 4)) {
      add({ quote: e.quote, doer: 'office_holder', what: e.meaning.replace(/ \(with .*$/, ''), category: 'conduct', counted: true });
    }
  }
  if (steps.remit.findings.route) {
    for (const e of steps.remit.evidence.filter((x) => x.quote).slice(0, 3)) {
      add({ quote: e.quote, doer: partyOfRemit(steps.remit.verdict), what: e.meaning, category: 'non_policing', counted: true });
    }
  }
  return out;
}

function partyOfRemit(verdict: string): Party {
  return verdict === 'force' ? 'police_officers' : verdict === 'chief_constable' ? 'chief_constable' : verdict === 'opcc_staff' ? 'office' : 'other_body';
}
