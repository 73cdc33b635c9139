import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { whereToGo, type LetterContext } from './letter-templates.js';

const SUBJECTS: Record<string, string> = { pcc: 'Police and Crime Commissioner', deputy_pcc: 'Deputy Police and Crime Commissioner', mayor: 'Mayor' };

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
  context: Omit<LetterContext, 'message'>;
}

const longDate = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/London' }).toFormat('d LLLL yyyy');

/**
 * The facts a letter may use, read in the caller's transaction. Deliberately no notes of any kind: what the letter says
 * beyond these facts is what an officer writes for the complainant.
 */
export async function readLetterFacts(manager: EntityManager, where: { reference: string } | { complaintId: string }): Promise<LetterFacts | null> {
  const [row] = (await manager.query(
    `SELECT c.id, c.reference, c.status, c.subject_role, c.received_at, c.category, p.name, p.email, p.postal_address,
            to_jsonb(c) ->> 'language' AS language, to_jsonb(c) ->> 'contact_preference' AS contact_preference,
            (SELECT d.due_at FROM deadlines d WHERE d.complaint_id = c.id AND d.kind = 'recording_decision') AS decision_due,
            r.findings ->> 'route' AS route, r.findings ->> 'body' AS body
       FROM complaints c JOIN complainants p ON p.id = c.complainant_id
       LEFT JOIN LATERAL (SELECT findings FROM triage_step_results s WHERE s.complaint_id = c.id AND s.step = 'remit'
                          ORDER BY s.completed_at DESC LIMIT 1) r ON true
      WHERE ${'reference' in where ? 'c.reference = $1' : 'c.id = $1'}`,
    ['reference' in where ? where.reference : where.complaintId],
  )) as Array<{
    id: string; reference: string; status: string; subject_role: string; received_at: Date; category: string | null; name: string; email: string | null;
    postal_address: string | null; language: string | null; contact_preference: string | null; decision_due: Date | null; route: string | null; body: string | null;
  }>;
  if (!row) return null;
  return {
    complaintId: row.id,
    reference: row.reference,
    status: row.status,
    name: row.name,
    email: row.email ?? '',
    postalAddress: row.postal_address,
    language: row.language,
    contactPreference: row.contact_preference,
    context: {
      name: row.name,
      reference: row.reference,
      subject: SUBJECTS[row.subject_role] ?? 'office holder',
      receivedDate: longDate(row.received_at),
      decisionBy: row.decision_due ? longDate(row.decision_due) : 'the end of the recording period',
      whereToGo: whereToGo(row.category, row.route, row.body),
    },
  };
}
