import type { ComplaintFacts } from '../../src/triage/rules/rule.types.js';

/** What a rule sees of an ordinary complaint about a PCC, with the text and any facts a test needs changed. */
export function complaintFacts(summary: string, details = '', changes: Partial<ComplaintFacts> = {}): ComplaintFacts {
  return {
    summary,
    details,
    subjectRole: 'pcc',
    subjectName: 'Alex Morgan',
    incidentDate: null,
    receivedAt: '2026-11-01T10:00:00.000Z',
    hasName: true,
    hasPostalAddress: true,
    earlierComplaints: [],
    ...changes,
  };
}
