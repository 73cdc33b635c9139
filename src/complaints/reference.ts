import { randomBytes } from 'node:crypto';

// Crockford's base 32: no I, L, O or U, so a reference read over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A random, non-sequential reference such as PCC-7KQ2-M9XD: 40 random bits, five to a character of a 32-letter
 * alphabet, so every character is uniform. One read of five random bytes rather than eight draws of randomInt.
 */
export function newReference(): string {
  const bytes = randomBytes(5);
  let bits = bytes[0] * 2 ** 32 + bytes.readUInt32BE(1); // 40 bits: exact in a double
  let characters = '';
  for (let i = 0; i < 8; i++, bits = Math.floor(bits / 32)) characters = ALPHABET[bits % 32] + characters;
  return `PCC-${characters.slice(0, 4)}-${characters.slice(4)}`;
}

/**
 * A reference as a person may type it, made into ours: any case, spaces or other separators anywhere or none, the
 * letters O, I and L for the digits they look like (our references never contain them), with or without "PCC".
 * Null when it cannot be one of ours.
 */
export function normaliseReference(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = (compact.startsWith('PCC') && compact.length === 11 ? compact.slice(3) : compact).replace(/O/g, '0').replace(/[IL]/g, '1');
  if (body.length !== 8 || [...body].some((c) => !ALPHABET.includes(c))) return null;
  return `PCC-${body.slice(0, 4)}-${body.slice(4)}`;
}
