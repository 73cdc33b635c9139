import { criminalAllegationRule } from './criminal-allegation.rule.js';
import { complaintFacts } from '../../../test/helpers/complaint-facts.js';

const facts = (summary: string, details = '') => complaintFacts(summary, details);
const verdictOf = (summary: string, details = '') => criminalAllegationRule.run(facts(summary, details)).verdict;

describe('criminal allegation rule', () => {
  it.each([
    ['named in a frame', 'The Commissioner claimed for trips he never made, which looks like fraud.'],
    ['named as something done', 'I want to report that the Commissioner committed perjury at the inquest.'],
    ['cash before a decision', 'The PCC was handed an envelope of cash by the developer a week before she approved his planning application.'],
    ['public money on a family holiday', "The deputy PCC put his wife's weekend in Paris on the office credit card."],
    ['driving after drinking', 'The Commissioner drank four pints and a whisky at the Crown. Then he got into his car and drove home.'],
    ['pushing someone', 'At the meeting the Commissioner shoved me against the wall.'],
    ['repeated unwanted contact', 'Since I complained the Commissioner has texted me dozens of times late at night and sat outside my house.'],
    ['a threat to get something', "The Mayor said he would have my licence revoked unless I took my posts down."],
    ['records deleted after a request', 'The day after my FOI request the Commissioner deleted all the emails I had asked for.'],
    ['false figures to win money', 'The PCC submitted inflated crime figures to the Home Office to win the £2m grant.'],
    ["sharing a victim's identity", 'On the radio the Commissioner gave out the name of the woman who reported being raped.'],
    ['police systems used to look someone up', "The Commissioner had her daughter's boyfriend checked on the police computer."],
    ['a witness pressed to drop out', 'The Commissioner told my son, a witness, that he did not need to go to court for the trial.'],
    ['ballots filled in for others', 'I watched the Commissioner fill in the postal ballots of residents with dementia.'],
    ['sexual touching', 'At the reception the deputy PCC groped my bottom.'],
  ])('finds an offence %s', (_, text) => {
    expect(verdictOf(text)).toBe('alleged');
  });

  it('does not count negated acts', () => {
    expect(verdictOf('To be clear, the Commissioner did not push me and has never threatened anyone.')).toBe('none');
  });

  it.each([
    ['this budget is criminal', 'This budget is criminal. The precept rise is daylight robbery.'],
    ['morally corrupt priorities', 'Closing the station while spending millions on HQ is morally corrupt.'],
    ['locked up for a policy', 'The Commissioner should be locked up for what he has done to policing in the villages.'],
    ['crime words as insults', 'The Mayor is a crook, a criminal and a fraud.'],
  ])('reads rhetoric as rhetoric: %s', (_, text) => {
    expect(verdictOf(text)).toBe('rhetoric');
  });

  it('does not count an offence named right after talk of the precept', () => {
    expect(verdictOf('Another £20 on the precept.', "It's theft, pure and simple.")).not.toMatch(/alleged|possible/);
  });

  it('reports an offence by police officers as theirs, not the office holder\'s', () => {
    const result = criminalAllegationRule.run(facts('Three officers pinned my son down and one punched him in the face.'));
    expect(result.verdict).toBe('against_others');
    expect(result.findings.againstParty).toBe('police');
  });

  it('does not count a crime by a stranger told as background', () => {
    expect(verdictOf('The man who punched my son got a community order and the Commissioner did nothing about it.')).toBe('none');
  });

  it('reads an offence described by its acts, with its doer, in lemmas', () => {
    const result = criminalAllegationRule.run(facts('Since I criticised him the Commissioner keeps turning up outside my house.'));
    expect(result.verdict).toBe('alleged');
    expect(result.findings.offences[0]).toMatchObject({ family: 'harassment_and_stalking', doer: 'office_holder', strength: 'act' });
    expect(result.evidence[0].meaning).toContain('harassment and stalking');
  });

  it('chooses "possible" when the doer is not clear, and says why in the evidence', () => {
    const result = criminalAllegationRule.run(facts('Damage after my complaint', 'In June, the week after I complained about the Commissioner, my car was keyed and my tyres slashed outside my house.'));
    expect(result.verdict).toBe('possible');
    expect(result.evidence[0].meaning).toContain('the doer is not clear');
  });

  it('does not count an offence inside a fantastical claim', () => {
    expect(verdictOf('The Commissioner is stealing my thoughts through my television.')).toBe('none');
  });

  it('quotes the exact words of the complaint', () => {
    const text = 'The Commissioner  SHOVED me into the fire door.';
    const result = criminalAllegationRule.run(facts(text));
    for (const e of result.evidence) expect(text).toContain(e.quote);
  });
});
