import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { CaseStatus } from '../cases/case-status.js';
import type { LetterKind } from './letter.entity.js';

// Plain-text letters: nothing is HTML-escaped, and nothing here is ever rendered as HTML (pages escape it).
const templates = new nunjucks.Environment(new nunjucks.FileSystemLoader(fileURLToPath(new URL('./templates', import.meta.url))), {
  autoescape: false,
  throwOnUndefined: true,
});

export interface LetterContext {
  name: string;
  reference: string;
  subject: string;
  receivedDate: string;
  reason: string;
  whereToGo: string;
  outcome: string;
}

export const LETTERS: Record<LetterKind, { title: string; subject: (reference: string) => string; when: readonly CaseStatus[] }> = {
  acknowledgement: {
    title: 'Acknowledgement',
    subject: (r) => `Your complaint ${r}: we have received it`,
    when: ['received', 'triaged', 'referred_to_iopc', 'iopc_investigating', 'referred_back', 'informal_resolution', 'comments_invited'],
  },
  iopc_referral_notice: {
    title: 'Notice of referral to the IOPC',
    subject: (r) => `Your complaint ${r} has been referred to the IOPC`,
    when: ['referred_to_iopc', 'iopc_investigating'],
  },
  not_recorded_notice: {
    title: 'Not recorded: reason and where to go instead',
    subject: (r) => `Your complaint ${r}: not recorded as a conduct complaint`,
    when: ['not_recorded', 'redirected'],
  },
  informal_resolution_outcome: {
    title: 'Outcome of informal resolution',
    subject: (r) => `Your complaint ${r}: outcome of informal resolution`,
    when: ['outcome_recorded'],
  },
};

export const renderLetter = (kind: LetterKind, context: LetterContext) => templates.render(`${kind}.njk`, context).trim() + '\n';

const ROUTES: Record<string, string> = {
  force: 'Complaints about police officers and police staff, or about how the police dealt with something, go to the professional standards department of the police force.',
  pcc: 'Complaints about the chief constable are dealt with by the Police and Crime Commissioner. Please write to the Office of the Police and Crime Commissioner.',
  opcc_chief_executive: 'Complaints about staff of the Office of the Police and Crime Commissioner go to its chief executive.',
};

/** Where the complainant can take the matter instead, from the triage's remit finding. */
export function whereToGo(category: string | null, route: string | null, body: string | null): string {
  if (category === 'political') {
    return 'Disagreement with the commissioner’s decisions, policies or views is not a conduct matter. You can raise your views at the Police and Crime Panel’s public meetings, with your local councillors, or at the next election.';
  }
  if (route && ROUTES[route]) return ROUTES[route];
  return `This is a matter for ${body ?? 'the organisation responsible'}. Please contact them directly; if you are unhappy with their answer, their ombudsman can help.`;
}
