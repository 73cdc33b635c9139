import { politicalRule } from './political.rule.js';
import { complaintFacts } from '../../../test/helpers/complaint-facts.js';

const facts = (summary: string, details = '') => complaintFacts(summary, details);
const verdictOf = (summary: string, details = '') => politicalRule.run(facts(summary, details)).verdict;

describe('political rule', () => {
  it.each([
    ['the precept', 'I object to the Commissioner putting the police precept up by £14 again.'],
    ['a decision to close a station', "I oppose the Commissioner's decision to close the Millbrook front counter."],
    ['priorities in the plan', 'The police and crime plan ignores rural crime. Her priorities are wrong.'],
    ['an appointment', 'The Commissioner appointed a deputy with no experience on £62,000. I disagree with the appointment.'],
    ['party and views', 'A party politician should not run policing. He pushes the party line on immigration and I will not vote for him.'],
    ['a funded scheme', 'The Commissioner is funding facial recognition cameras in the town centre. It is an invasion of privacy and should be dropped.'],
  ])('finds disagreement with %s', (_, text) => {
    expect(verdictOf(text)).toBe('political');
  });

  it('needs a topic: disagreement words alone are not enough', () => {
    expect(verdictOf('I strongly disagree, this is wrong and a disgrace.')).toBe('none');
  });

  it('does not count a decision the writer says the complaint is not about', () => {
    expect(verdictOf('I am not complaining about the decision itself. She ignored four letters.')).toBe('none');
  });
});
