import { newReference } from './reference.js';

describe('newReference', () => {
  it('matches the contract and avoids letters that are misread', () => {
    for (let i = 0; i < 200; i++) expect(newReference()).toMatch(/^PCC-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
  });

  it('is random rather than sequential', () => {
    const references = new Set(Array.from({ length: 1000 }, newReference));
    expect(references.size).toBe(1000);
  });
});
