import { newReference, normaliseReference } from './reference.js';

describe('newReference', () => {
  it('matches the contract and avoids letters that are misread', () => {
    for (let i = 0; i < 200; i++) expect(newReference()).toMatch(/^PCC-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
  });

  it('is random rather than sequential', () => {
    const references = new Set(Array.from({ length: 1000 }, newReference));
    expect(references.size).toBe(1000);
  });
});

describe('normaliseReference', () => {
  it.each([
    ['PCC-7KQ2-M9XD', 'PCC-7KQ2-M9XD'],
    ['pcc-7kq2-m9xd', 'PCC-7KQ2-M9XD'],
    [' PCC 7KQ2 M9XD ', 'PCC-7KQ2-M9XD'],
    ['PCC7KQ2M9XD', 'PCC-7KQ2-M9XD'],
    ['7KQ2M9XD', 'PCC-7KQ2-M9XD'],
    ['PCC–7KQ2–M9XD', 'PCC-7KQ2-M9XD'], // en dashes, as a word processor makes them
    ['PCC-1OI0-L000', 'PCC-1010-1000'], // O for 0, I and L for 1
    ['pcc-10o0-iiii', 'PCC-1000-1111'],
  ])('reads %s as %s', (typed, reference) => {
    expect(normaliseReference(typed)).toBe(reference);
  });

  it.each(['', 'PCC', 'PCC-7KQ2', 'PCC-7KQ2-M9XDX', 'PCC-7KQ2-M9XU', '<script>'])('refuses %s', (typed) => {
    expect(normaliseReference(typed)).toBeNull();
  });
});
