import { conductRule } from './conduct.rule.js';
import { complaintFacts } from '../../../test/helpers/complaint-facts.js';

const facts = (summary: string, details = '') => complaintFacts(summary, details);
const run = (summary: string, details = '') => conductRule.run(facts(summary, details));

describe('conduct rule', () => {
  it.each([
    ['rudeness', 'At the meeting the Commissioner rolled his eyes and called me a professional time-waster.'],
    ['not replying', 'I wrote to the Commissioner four times and have had no reply. She has ignored all my letters.'],
    ['an undeclared interest', 'The Commissioner chaired the grants panel without declaring that his wife is a trustee.'],
    ["misuse of the office's accounts", 'The Mayor blocked me on Twitter and deleted my comment from his official account.'],
    ['a broken promise', 'The Commissioner promised us a meeting and then cancelled it three times.'],
    ['discrimination', 'The Commissioner said I was treated differently because of my disability and refused the step-free room.'],
    ['an unfair public statement', "On the radio the Commissioner named me and called me 'a serial liar'."],
  ])('finds %s by the office holder', (_, text) => {
    expect(run(text).verdict).toBe('conduct');
  });

  it('does not count rudeness by a police officer against the office holder', () => {
    const result = run('The officer who stopped me was rude and swore at me.');
    expect(result.verdict).toBe('none');
    expect(result.evidence.some((e) => e.meaning.includes('not the office holder'))).toBe(true);
  });

  it('flags conduct towards the office holder\'s own staff', () => {
    const result = run('The Commissioner bullied his staff, shouted at junior staff and reduced a caseworker to tears.');
    expect(result.verdict).toBe('conduct');
    expect(result.findings.towardsOwnStaff).toBe(true);
  });

  it('does not take a policy called racist for the office holder\'s own discrimination', () => {
    expect(run("The Mayor's stop and search policy is racist.").verdict).toBe('none');
  });
});
