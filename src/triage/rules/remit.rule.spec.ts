import { remitRule } from './remit.rule.js';
import { complaintFacts } from '../../../test/helpers/complaint-facts.js';

const facts = (summary: string, details = '') => complaintFacts(summary, details);
const remit = (summary: string, details = '') => {
  const { verdict, findings } = remitRule.run(facts(summary, details));
  return { verdict, route: findings.route, body: findings.body };
};

describe('remit rule', () => {
  it("keeps the office holder's own conduct with the panel", () => {
    expect(remit('The Commissioner was rude to me at her surgery and hung up on me later.')).toEqual({ verdict: 'office_holder', route: null, body: null });
  });

  it('sends police officers and operational policing to the force', () => {
    expect(remit('The officer who stopped me swore at me and refused to give his collar number.', 'I am complaining to the Commissioner because she is in charge of the police.'))
      .toMatchObject({ verdict: 'force', route: 'force' });
    expect(remit('Police took three days to come out after our burglary and never collected the footage.')).toMatchObject({ route: 'force' });
  });

  it('sends complaints about the chief constable to the PCC', () => {
    expect(remit('The Chief Constable called peaceful protesters a rabble on TV. How do I complain about him?')).toMatchObject({ verdict: 'chief_constable', route: 'pcc' });
  });

  it('keeps a complaint about the PCC\'s decision on the chief constable with the PCC', () => {
    expect(remit('The Commissioner extended the Chief Constable\'s contract after a poor inspection. I think her decision was wrong.')).toMatchObject({ verdict: 'office_holder' });
  });

  it("sends the office's staff to the OPCC chief executive", () => {
    expect(remit('The caseworker at the OPCC lost my file and was rude to me on the phone.')).toMatchObject({ route: 'opcc_chief_executive' });
  });

  it.each([
    ['the council', 'The district council has ignored fly-tipping behind my house for months.', 'the local council'],
    ['the courts', 'The magistrates gave the man a community order. I want the sentence changed.', 'HM Courts'],
    ['the NHS', 'The mental health crisis team discharged my brother with no care plan.', 'NHS'],
    ['probation', 'Probation has placed a released offender in a hostel opposite the school.', 'Probation'],
    ['a landlord', 'My housing association will not fix the damp and mould.', 'landlord'],
    ['a company', 'My energy company overcharged me and will not answer the phone.', 'company'],
    ['the fire service', 'The fire and rescue service took forty minutes to reach the fire.', 'fire'],
  ])('redirects a matter for %s to that body', (_, text, body) => {
    const result = remit(text);
    expect(result.route).toBe('other_body');
    expect(String(result.body)).toContain(body);
  });

  it('is unclear, and treated as the office holder, when nobody is named', () => {
    expect(remit('Something must be done about this.').verdict).toBe('unclear');
  });
});
