import { randomInt } from 'node:crypto';

// Crockford's base 32: no I, L, O or U, so a reference read over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const block = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A random, non-sequential reference such as PCC-7KQ2-M9XD (40 bits). */
export const newReference = () => `PCC-${block()}-${block()}`;

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
