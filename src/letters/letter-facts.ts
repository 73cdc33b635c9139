import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { isLanguage, translations, type TFunction } from '../i18n/translations.js';
import type { LetterContext } from './letter-templates.js';

export interface LetterFacts {
  complaintId: string;
  reference: string;
  status: string;
  name: string;
  email: string;
  postalAddress: string | null;
  /** The complaint's language, when the complaint records one. */
  language: string | null;
  /** How the complainant asked to be contacted (email, post or phone), when the complaint records it. */
  contactPreference: string | null;
  /** A letter's subject line (and its email's) in the complaint's language. */
  subjectLine(kind: string): string;
  context: Omit<LetterContext, 'message'>;
}

/** A date as the letter's language writes it: 5 November 2026, 5 Tachwedd 2026. */
const longDate = (date: Date, language: string) => DateTime.fromJSDate(date, { zone: 'Europe/London' }).setLocale(language === 'cy' ? 'cy' : 'en-GB').toFormat('d LLLL yyyy');

const ROUTES = new Set(['force', 'pcc', 'opcc_chief_executive']);

/** Where the complainant can take the matter instead, from the triage's remit finding, in the letter's language. */
function whereToGo(t: TFunction, category: string | null, route: string | null, body: string | null): string {
  if (category === 'political') return t('whereToGo.political');
  if (route && ROUTES.has(route)) return t(`whereToGo.${route}`);
  return t('whereToGo.body', { body: body ?? t('whereToGo.someBody') });
}

interface FactsRow {
  id: string; reference: string; status: string; subject_role: string; received_at: Date; category: string | null; name: string; email: string | null;
  postal_address: string | null; language: string | null; contact_preference: string | null; decision_due: Date | null; route: string | null; body: string | null;
}

const FACTS_QUERY = (where: string) =>
  `SELECT c.id, c.reference, c.status, c.subject_role, c.received_at, c.category, p.name, p.email, p.postal_address,
          c.language, c.contact_preference,
          (SELECT d.due_at FROM deadlines d WHERE d.complaint_id = c.id AND d.kind = 'recording_decision') AS decision_due,
          r.findings ->> 'route' AS route, r.findings ->> 'body' AS body
     FROM complaints c JOIN complainants p ON p.id = c.complainant_id
     LEFT JOIN LATERAL (SELECT findings FROM triage_step_results s WHERE s.complaint_id = c.id AND s.step = 'remit'
                        ORDER BY s.completed_at DESC LIMIT 1) r ON true
    WHERE ${where} AND c.personal_data_erased_at IS NULL`;

/**
 * The facts a letter may use, read in the caller's transaction; none for a complainant whose personal data is erased.
 * Deliberately no notes of any kind: what the letter says beyond these facts is what an officer writes for the
 * complainant.
 */
export async function readLetterFacts(manager: EntityManager, where: { reference: string } | { complaintId: string }): Promise<LetterFacts | null> {
  const [row] = (await manager.query(FACTS_QUERY('reference' in where ? 'c.reference = $1' : 'c.id = $1'), [
    'reference' in where ? where.reference : where.complaintId,
  ])) as FactsRow[];
  return row ? toFacts(row) : null;
}

/** The same facts for many complaints in one query, by complaint id; an erased or missing complaint has none. */
export async function readLetterFactsOf(manager: EntityManager, complaintIds: readonly string[]): Promise<Map<string, LetterFacts>> {
  if (!complaintIds.length) return new Map();
  const rows = (await manager.query(FACTS_QUERY('c.id = ANY($1::uuid[])'), [complaintIds])) as FactsRow[];
  const facts = new Map<string, LetterFacts>();
  for (const row of rows) facts.set(row.id, await toFacts(row));
  return facts;
}

async function toFacts(row: FactsRow): Promise<LetterFacts> {
  const language = isLanguage(row.language) ? row.language : 'en';
  const t = (await translations()).t(language, 'letters');
  return {
    complaintId: row.id,
    reference: row.reference,
    status: row.status,
    name: row.name,
    email: row.email ?? '',
    postalAddress: row.postal_address,
    language: row.language,
    contactPreference: row.contact_preference,
    subjectLine: (kind: string) => t(`subjectLine.${kind}`, { reference: row.reference }),
    context: {
      name: row.name,
      reference: row.reference,
      subject: t(`subjectRole.${row.subject_role}`),
      receivedDate: longDate(row.received_at, language),
      decisionBy: row.decision_due ? longDate(row.decision_due, language) : t('decisionFallback'),
      whereToGo: whereToGo(t, row.category, row.route, row.body),
    },
  };
}
