import { NEW_MATTER_THRESHOLD, repetitionRule, SIMILARITY_THRESHOLD } from './repetition.rule.js';
import { analyseComplaint } from '../language/analysis.js';
import type { ComplaintFacts, EarlierComplaint } from './rule.types.js';
import { sharedPassage } from './text-overlap.js';

const earlier = (reference: string, similarity: number, decided: boolean, daysAgo: number): EarlierComplaint => ({
  reference,
  summary: 'The Commissioner did not reply to my letter about the Harlow Lane camera.',
  details: 'I wrote about the Harlow Lane speed camera and had no reply.',
  receivedAt: new Date(Date.parse('2026-11-01T10:00:00Z') - daysAgo * 86_400_000).toISOString(),
  decided,
  similarity,
});
const facts = (earlierComplaints: EarlierComplaint[], details = 'Still no reply about the Harlow Lane speed camera letter.'): ComplaintFacts => ({
  summary: 'The Commissioner did not reply to my letter about the Harlow Lane camera.',
  details,
  subjectRole: 'pcc',
  subjectName: null,
  incidentDate: null,
  receivedAt: '2026-11-01T10:00:00.000Z',
  hasName: true,
  hasPostalAddress: true,
  earlierComplaints,
  analysis: analyseComplaint('The Commissioner did not reply to my letter about the Harlow Lane camera.', details, null),
});

describe('repetition rule', () => {
  it('finds nothing when the person has not complained before', () => {
    expect(repetitionRule.run(facts([])).verdict).toBe('none');
  });

  it('treats a repeat of a decided complaint, with nothing new, as repetitious and names that case', () => {
    const result = repetitionRule.run(facts([earlier('PCC-AAA1', 0.7, true, 200)]));
    expect(result.verdict).toBe('repetitious');
    expect(result.evidence[0].meaning).toContain('PCC-AAA1');
    expect(result.findings.firstReference).toBe('PCC-AAA1');
  });

  it('treats a repeat of a complaint still open as repetitious too, and links it to the open case', () => {
    const result = repetitionRule.run(facts([earlier('PCC-AAA1', 0.9, false, 2)]));
    expect(result.verdict).toBe('repetitious');
    expect(result.findings.duplicateOf).toBe('PCC-AAA1');
  });

  it('names the first of several copies first, so the third copy points to the first', () => {
    const result = repetitionRule.run(facts([earlier('PCC-SECOND', 0.95, false, 1), earlier('PCC-FIRST', 0.95, false, 2)]));
    expect(result.findings.duplicateOf).toBe('PCC-FIRST');
    expect(result.evidence[0].meaning).toContain('the first such complaint PCC-FIRST');
    expect(result.evidence[1].meaning).toContain('PCC-SECOND');
  });

  it('does not treat a genuinely different matter from the same person as a repeat', () => {
    const result = repetitionRule.run(facts([earlier('PCC-AAA1', SIMILARITY_THRESHOLD - 0.1, true, 200)]));
    expect(result.verdict).toBe('none');
    expect(result.evidence[0].meaning).toContain('a different matter');
  });

  it('asks for more similarity when the writer says it is a different matter', () => {
    const similarity = (SIMILARITY_THRESHOLD + NEW_MATTER_THRESHOLD) / 2;
    const different = facts([earlier('PCC-AAA1', similarity, true, 200)], 'This is a different matter entirely: she hung up on me last week.');
    expect(repetitionRule.run(different).verdict).toBe('none');
  });

  it('does not call it repetitious when the writer offers new evidence and does not say it is sent again', () => {
    const withEvidence = facts([earlier('PCC-AAA1', 0.6, true, 200)], 'I have new evidence: a recording I only obtained last week.');
    expect(repetitionRule.run(withEvidence).verdict).toBe('repeat_with_new_matter');
  });

  it("quotes the words this complaint shares with the earlier one, exactly as this complaint has them", () => {
    const text = 'As I said, the Commissioner DID NOT REPLY to my letter about Harlow Lane.';
    const quote = sharedPassage(text, 'the commissioner did not reply to my letter about the camera');
    expect(quote).toBe('the Commissioner DID NOT REPLY to my letter about');
    expect(text).toContain(quote!);
  });
});
