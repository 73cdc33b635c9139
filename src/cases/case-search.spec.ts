import { personLookup, personQuery, personWords, plainlyBroad, referenceKey, SEARCH_CAP, wholeWordQuery } from './case-search.js';

describe('the queue search box', () => {
  it('reads a reference as officers type it', () => {
    expect(referenceKey('pcc-7kq2-m9xd')).toBe('PCC7KQ2M9XD');
    expect(referenceKey('PCC 7KQ2 OIL')).toBe('PCC7KQ2011');
    expect(referenceKey('a b')).toBeNull();
  });

  it('reads a name or email as words that must each begin a word of it', () => {
    expect(personWords("  O'Brien-Pike  jo.bloggs@Example.org. ")).toEqual(['o', 'brien-pike', 'jo.bloggs@example.org']);
    expect(personQuery('Price Rhian')).toBe("'price':* & 'rhian':*");
    expect(personQuery(['seeded'])).toBe("'seeded':*");
    expect(personQuery('   ')).toBeNull();
    expect(wholeWordQuery('seeded')).toBe("'seeded'");
  });

  it('calls a look-up plainly broad only above both the cap and 2% of the table', () => {
    expect(plainlyBroad(SEARCH_CAP + 1, 12_000)).toBe(true);
    expect(plainlyBroad(SEARCH_CAP, 12_000)).toBe(false);
    expect(plainlyBroad(20_001, 1_000_000)).toBe(true);
    expect(plainlyBroad(20_000, 1_000_000)).toBe(false); // Postgres's own guess for a prefix is exactly 2%: never broad
    expect(plainlyBroad(5_000, 1_000_000)).toBe(false); // and its guess for a word it has no statistics on, 0.5%
  });

  describe('looking people up', () => {
    const people = 1_000_000;
    it('skips the look-up when the words together are plainly common', () => {
      expect(personLookup(['seeded'], [people], people)).toEqual({ broad: true });
      expect(personLookup(['seeded', 'example'], [people, 900_000], people)).toEqual({ broad: true });
    });

    it('asks the index for the rare words only, and checks every word on what it finds', () => {
      expect(personLookup(['seeded', '123457'], [people, 5_000], people)).toEqual({ broad: false, indexWords: ['123457'], checkWords: ['seeded', '123457'] });
    });

    it('asks the index for every word when none is common, or when each is common but not together', () => {
      expect(personLookup(['rhiannon', 'price'], [40, 300], people)).toEqual({ broad: false, indexWords: ['rhiannon', 'price'], checkWords: [] });
      expect(personLookup(['jones', 'davies'], [60_000, 50_000], people)).toEqual({ broad: false, indexWords: ['jones', 'davies'], checkWords: [] });
    });
  });
});
