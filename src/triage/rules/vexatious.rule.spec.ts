import { vexatiousRule } from './vexatious.rule.js';
import { complaintFacts } from '../../../test/helpers/complaint-facts.js';

const facts = (summary: string, details = '') => complaintFacts(summary, details);
const run = (summary: string, details = '') => vexatiousRule.run(facts(summary, details));

describe('vexatious rule', () => {
  it('finds abuse with nothing else as "abusive" (the decision checks no allegation is made)', () => {
    expect(run('Morgan is a useless fat parasite and a waste of oxygen. Get him out.').verdict).toBe('abusive');
  });

  it("does not count insults inside quotation marks: they are someone else's words", () => {
    const result = run("The Commissioner called me 'a moron' and 'an idiot' in front of everyone.");
    expect(result.verdict).toBe('none');
    expect(result.evidence.some((e) => e.meaning.includes('inside quotation marks'))).toBe(true);
  });

  it.each([
    ['threats to complain without end', 'I will keep complaining every day until the Commissioner resigns.'],
    ['flooding the process', 'This is complaint number one of many, copying in every councillor.'],
    ['absurd claims', 'The Commissioner has been replaced by a body double and is using 5G masts to read our thoughts.'],
    ['demands built to burden staff', 'I demand every email, text and diary entry of the Commissioner since 2021 within 48 hours. I require compensation of £50,000 and a front-page apology in three national newspapers.'],
    ['a repeat by its own account', 'This is my fourth complaint about the same matter. I have nothing new to add but I do not accept your decision.'],
    ['crime words as insults with a refusal to say what happened', "They are crooks and criminals, the whole lot of them. I don't need to give you examples."],
  ])('finds %s', (_, text) => {
    expect(run(text).verdict).toBe('vexatious');
  });

  it('does not treat a writer who says this is a different matter as repeating themselves', () => {
    const result = run('I have complained before, and that was resolved. This is a different matter entirely: last week she hung up on me.');
    expect(result.verdict).toBe('none');
    expect(result.findings.newMatter).toBe(true);
  });

  it('does not mistake a policy called criminal for abuse of a person', () => {
    expect(run('This is a criminal waste of taxpayers money.').findings.abuseScore).toBe(0);
  });

  it('does not read "they keep sending someone" as the writer flooding the process', () => {
    expect(run('My housing association keep sending someone to paint over the mould.').verdict).toBe('none');
  });
});
