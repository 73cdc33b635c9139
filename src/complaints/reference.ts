import { randomInt } from 'node:crypto';

// Crockford's base 32: no I, L, O or U, so a reference read over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const block = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A random, non-sequential reference such as PCC-7KQ2-M9XD (40 bits). */
export const newReference = () => `PCC-${block()}-${block()}`;
