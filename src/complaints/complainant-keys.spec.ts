import { addressKey, emailKey, isRealName, nameKey } from './complainant-keys.js';

describe('complainant keys', () => {
  it('recognises the same email written differently', () => {
    expect(emailKey(' Jo.Bloggs+panel@Example.org ')).toBe('jo.bloggs@example.org');
    expect(emailKey('j.o.bloggs@googlemail.com')).toBe(emailKey('jobloggs@gmail.com'));
  });

  it('drops titles, accents and punctuation from names', () => {
    expect(nameKey('Mrs. Zoë  O’Neill')).toBe(nameKey('zoe o neill'));
  });

  it('reduces an address to its house number and postcode', () => {
    expect(addressKey('12 High Street, Severnmouth SM1 2AB')).toBe(addressKey('12, High St., SEVERNMOUTH, sm12ab'));
    expect(addressKey(undefined)).toBeNull();
  });

  it('knows an anonymous name when it sees one', () => {
    expect(isRealName('Anonymous')).toBe(false);
    expect(isRealName('N/A')).toBe(false);
    expect(isRealName('Ann Smith')).toBe(true);
  });
});
