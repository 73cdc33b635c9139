import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { CaseStatus } from '../cases/case-status.js';
import type { LetterKind } from './letter.entity.js';

const TEMPLATES = fileURLToPath(new URL('./templates', import.meta.url));

// Plain-text letters: nothing is HTML-escaped, and nothing here is ever rendered as HTML (pages escape it).
const templates = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES), { autoescape: false, throwOnUndefined: true });

/** Languages with letter templates: templates/<language>/<kind>.njk. English is the fallback for any other. */
export const DEFAULT_LANGUAGE = 'en';

/**
 * What a template may say: facts of the case, and `message`, what the officer wrote for the complainant to read.
 * Deliberately nothing else: no outcome notes, case notes or reasons typed for colleagues ever reach a letter.
 */
export interface LetterContext {
  name: string;
  reference: string;
  subject: string;
  receivedDate: string;
  /** When the panel will have decided how to deal with the complaint (the recording decision's due date). */
  decisionBy: string;
  whereToGo: string;
  message: string;
}

type MessageRule = 'required' | 'optional';

export interface LetterTemplate {
  title: string;
  /** Where the case must stand for this letter to fit. */
  when: readonly CaseStatus[];
  /** Whether the officer must write what to tell the complainant, and what the page asks them for. */
  message: MessageRule;
  messageLabel: string;
  messageHint: string;
}

const OPEN: readonly CaseStatus[] = ['received', 'triaged', 'referred_to_iopc', 'iopc_investigating', 'referred_back', 'informal_resolution', 'comments_invited'];

export const LETTERS: Record<LetterKind, LetterTemplate> = {
  acknowledgement: {
    title: 'Acknowledgement',
    when: OPEN,
    message: 'optional',
    messageLabel: 'Anything else to tell the complainant (optional)',
    messageHint: 'The letter already gives the reference, the date received and what happens next, with the date we will decide by.',
  },
  iopc_referral_notice: {
    title: 'Notice of referral to the IOPC',
    when: ['referred_to_iopc', 'iopc_investigating'],
    message: 'optional',
    messageLabel: 'Anything else to tell the complainant (optional)',
    messageHint: 'The letter already explains the referral and what the IOPC will do.',
  },
  not_recorded_notice: {
    title: 'Not recorded: reason and where to go instead',
    when: ['not_recorded', 'redirected'],
    message: 'required',
    messageLabel: 'Why the complaint was not recorded, as the complainant should read it',
    messageHint: 'Write it for the complainant, in plain words. The letter adds where they can go instead.',
  },
  informal_resolution_outcome: {
    title: 'Outcome of informal resolution',
    when: ['outcome_recorded'],
    message: 'required',
    messageLabel: 'The outcome, as the complainant should read it',
    messageHint: 'Write it for the complainant, in plain words: what was agreed or done.',
  },
};

/** The language a letter is made in: the complaint's when a template exists in it, else English. */
export function letterLanguage(kind: LetterKind, language: string | null | undefined): string {
  const wanted = language ?? DEFAULT_LANGUAGE;
  return /^[a-z]{2}$/.test(wanted) && existsSync(`${TEMPLATES}/${wanted}/${kind}.njk`) ? wanted : DEFAULT_LANGUAGE;
}

export const renderLetter = (kind: LetterKind, context: LetterContext, language = DEFAULT_LANGUAGE) =>
  templates.render(`${letterLanguage(kind, language)}/${kind}.njk`, context).replace(/\n{3,}/g, '\n\n').trim() + '\n';
