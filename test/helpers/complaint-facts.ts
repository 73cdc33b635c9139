import { analyseComplaint } from '../../src/triage/language/analysis.js';
import type { ComplaintFacts } from '../../src/triage/rules/rule.types.js';

/** What a rule sees of an ordinary complaint about a PCC, with the text and any facts a test needs changed. */
export function complaintFacts(summary: string, details = '', changes: Partial<ComplaintFacts> = {}): ComplaintFacts {
  const subjectName = changes.subjectName === undefined ? 'Alex Morgan' : changes.subjectName;
  return {
    summary,
    details,
    subjectRole: 'pcc',
    subjectName,
    incidentDate: null,
    receivedAt: '2026-11-01T10:00:00.000Z',
    hasName: true,
    hasPostalAddress: true,
    earlierComplaints: [],
    analysis: changes.analysis ?? analyseComplaint(summary, details, subjectName),
    ...changes,
  };
}
