import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { StaffUser } from '../auth/staff-user.js';
import { CaseHistoryService } from '../cases/case-history.service.js';
import { CONTACT_CHANNELS, CONTACT_DIRECTIONS } from '../cases/case-note.entity.js';
import { REFERENCE_PATTERN } from '../cases/case-reference.pipe.js';
import { CasesService } from '../cases/cases.service.js';
import type { CaseDetailDto } from '../cases/dto/case.dto.js';
import { CATEGORIES } from '../complaints/complaint-categories.js';
import { LegalHoldsService } from '../erasure/legal-holds.service.js';
import { LettersService } from '../letters/letters.service.js';
import { UsersService } from '../users/users.service.js';
import { errorList, type FieldErrors } from './form-validation.js';
import { navigation } from './navigation.js';
import { DONE } from './staff-messages.js';

/** Evidence quoting more than this is cut on the page (the API keeps it whole): a repeat can quote a whole complaint. */
const QUOTE_LIMIT = 160;
const REFERENCES = new RegExp(REFERENCE_PATTERN.source.slice(1, -1), 'g');

export interface CasePageExtra {
  done?: string;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  /** A refusal of the whole action (409), shown at the top, linked to the form it came from. */
  refused?: { text: string; href: string };
}

/** The case page: the case, its history with people by email, its letters and notes, and a form for every move. */
@Injectable()
export class CasePageView {
  constructor(
    private readonly cases: CasesService,
    private readonly history: CaseHistoryService,
    private readonly letters: LettersService,
    private readonly users: UsersService,
    private readonly holds: LegalHoldsService,
  ) {}

  async render(reply: FastifyReply, reference: string, staff: StaffUser, extra: CasePageExtra = {}): Promise<void> {
    const found = await this.cases.get(reference, staff);
    const officerView = staff.role !== 'auditor';
    const [history, letters, users, hold] = await Promise.all([
      this.history.forCase(reference),
      officerView ? this.letters.list(reference) : Promise.resolve([]),
      this.users.list(),
      staff.role === 'admin' ? this.holds.forCase(reference) : Promise.resolve(null),
    ]);
    const emails = new Map(users.map((u) => [u.id, u.email]));
    const errors = extra.errors ?? {};
    await reply.view('case.njk', {
      case: { ...found, triage: found.triage && shortenEvidence(found.triage) },
      repeats: repeatsOf(found),
      iopcDeadline: found.category === 'criminal' ? found.deadlines.find((d) => d.kind === 'iopc_referral' && !d.metAt) : undefined,
      history: history.map((h) => ({ ...h, assignee: typeof h.details.assigneeId === 'string' ? (emails.get(h.details.assigneeId) ?? 'a former user') : null })),
      letters,
      hold,
      officers: users.filter((u) => u.role !== 'auditor' && !u.disabledAt),
      staff,
      canWork: officerView,
      canConfirm: !!found.pendingOverride && found.pendingOverride.requestedBy !== staff.email,
      categories: CATEGORIES,
      contactChannels: CONTACT_CHANNELS,
      contactDirections: CONTACT_DIRECTIONS,
      done: extra.done ? DONE[extra.done] : undefined,
      errors,
      errorList: [...(extra.refused ? [extra.refused] : []), ...errorList(errors)],
      refused: extra.refused,
      values: extra.values ?? {},
      navigation: navigation(staff, '/cases'),
    });
  }
}

function shortenEvidence(triage: NonNullable<CaseDetailDto['triage']>) {
  const cut = (quote: string) => (quote.length > QUOTE_LIMIT ? `${quote.slice(0, QUOTE_LIMIT).replace(/\s+\S*$/, '')}…` : quote);
  return { ...triage, steps: triage.steps.map((s) => ({ ...s, evidenceDetail: s.evidenceDetail.map((e) => ({ ...e, quote: e.quote && cut(e.quote) })) })) };
}

/** The earlier complaints the repetition step found this one repeats, to link to at the top of the page. */
function repeatsOf(found: CaseDetailDto): string[] {
  const step = found.triage?.steps.find((s) => s.step === 'repetition');
  if (!step || step.verdict === 'none') return [];
  return [...new Set(step.evidenceDetail.flatMap((e) => e.meaning.match(REFERENCES) ?? []))].filter((r) => r !== found.reference);
}
