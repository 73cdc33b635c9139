import { analyseComplaint } from './analysis.js';
import type { ComplaintAnalysis } from './analysis.types.js';

/** "verb: doer -> object (neg)(passive)(reported)" for every act, to read in a failing test. */
function acts(a: ComplaintAnalysis): string[] {
  return a.acts.map((x) => `${a.lemmas[x.verb]}:${x.doer}${x.object ? `>${x.object}` : ''}${x.negated ? ' neg' : ''}${x.passive ? ' pass' : ''}${x.reported ? ' rep' : ''}`);
}

const read = (details: string, summary = 'Complaint', name: string | null = 'Marcus Fairbairn') => analyseComplaint(summary, details, name);

describe('analyseComplaint', () => {
  it('finds doers, objects and coordination', () => {
    expect(acts(read('The commissioner pushed me and took my phone.'))).toEqual(expect.arrayContaining(['push:office_holder>complainant', 'take:office_holder']));
  });

  it('reads possessives as the owner, not the doer', () => {
    expect(acts(read("The commissioner's office refused to meet us."))).toContain('refuse:office');
    expect(acts(read("The commissioner's driver hit my car."))).toContain('hit:office');
  });

  it('reads reported speech: the doer of the reported act is its own subject', () => {
    const a = read('My neighbour told me the commissioner had hit him.');
    expect(acts(a)).toEqual(expect.arrayContaining(['tell:person>complainant', 'hit:office_holder>person rep']));
  });

  it('reads passives with and without an agent', () => {
    expect(acts(read('I was punched by the commissioner.'))).toContain('punch:office_holder>complainant pass');
    expect(acts(read('I was pushed at the meeting.'))).toContain('push:unknown>complainant pass');
  });

  it('negates by clause, not by a window', () => {
    expect(acts(read("He didn't push me; he shoved my son."))).toEqual(expect.arrayContaining(['push:office_holder>complainant neg', 'shove:office_holder>person']));
    expect(acts(read('I had no reply, but Mr Fairbairn took the money.'))).toContain('take:office_holder');
    expect(acts(read('Nobody took the money.'))).toContain('take:unknown neg');
  });

  it('keeps officers apart from the office holder', () => {
    expect(acts(read('Two officers who arrested me pushed me into the van.'))).toEqual(expect.arrayContaining(['arrest:police_officers>complainant', 'push:police_officers>complainant']));
    expect(acts(read('The commissioner told the officers to arrest me.'))).toEqual(expect.arrayContaining(['tell:office_holder>police_officers', 'arrest:police_officers>complainant']));
  });

  it('resolves he and she to the nearest person that fits', () => {
    const a = read('Mr Fairbairn came over. He snatched my phone.');
    expect(acts(a)).toContain('snatch:office_holder');
  });

  it('tells English from Welsh and from nothing', () => {
    expect(read('Mae’r comisiynydd wedi gwrthod ateb fy llythyrau ers mis Mawrth ac nid yw hyn yn iawn.').language).toBe('not_english');
    expect(read('!!! ??? ...').language).toBe('empty');
    expect(read('https://example.org/a/b').language).toBe('empty');
    expect(read('pcc nicked my phone').language).toBe('en');
  });
});
