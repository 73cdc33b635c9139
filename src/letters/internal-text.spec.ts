import { internalTextIn } from './internal-text.js';

describe('internal text kept out of letters', () => {
  const notes = ['Complainant is known to the team; likely to escalate, keep it brief.', 'see file'];

  it('finds a note copied whole, in part, or with its spacing and quotes changed', () => {
    expect(internalTextIn(`Dear Ms Price,\n\nComplainant is known to the team; likely to escalate, keep it brief.\n`, notes)).toBe(notes[0]);
    expect(internalTextIn('We found that the complainant is KNOWN TO THE   TEAM; likely to escalate.', notes)).toBe(notes[0]);
    expect(internalTextIn('Likely to escalate, keep it brief.', notes)).toBe(notes[0]);
  });

  it('lets a letter through that only shares common words with a note', () => {
    expect(internalTextIn('Dear Ms Price, please see file enclosed. We will keep it brief.', notes)).toBeNull();
    expect(internalTextIn('Anything at all', [])).toBeNull();
  });
});
