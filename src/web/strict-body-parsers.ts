import { BadRequestException } from '@nestjs/common';
import secureJson from 'secure-json-parse';

/** Deeper than any request of ours needs; far below what would overflow a recursive validator's stack. */
export const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Bytes that are not UTF-8 are refused rather than stored as replacement characters. */
export function decodeUtf8(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new BadRequestException('The request body is not valid UTF-8 text');
  }
}

/** How deeply arrays and objects nest, counted in one pass over the text (strings skipped), before anything recurses. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** JSON bodies: valid UTF-8, at most MAX_JSON_DEPTH deep, no prototype-polluting keys. */
export function parseJsonBody(body: Buffer): unknown {
  const text = decodeUtf8(body);
  if (text.trim() === '') throw new BadRequestException('The request body is empty: send a JSON object');
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) throw new BadRequestException(`The request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  try {
    return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    throw new BadRequestException(/prototype|constructor/i.test((error as Error).message) ? 'The request body contains a forbidden property name' : 'The request body is not valid JSON');
  }
}

/**
 * Form bodies (application/x-www-form-urlencoded): valid UTF-8, and percent-escapes that decode to valid UTF-8 (a
 * malformed one is refused, not turned into replacement characters). A name given twice becomes a list, as before.
 */
export function parseFormBody(body: Buffer): Record<string, string | string[]> {
  const text = decodeUtf8(body);
  const form: Record<string, string | string[]> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const split = pair.indexOf('=');
    const [name, value] = split < 0 ? [decodeFormPart(pair), ''] : [decodeFormPart(pair.slice(0, split)), decodeFormPart(pair.slice(split + 1))];
    if (FORBIDDEN_KEYS.has(name)) throw new BadRequestException('The form contains a forbidden field name');
    const earlier = form[name];
    form[name] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  return form;
}

function decodeFormPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new BadRequestException('The form contains characters that are not valid UTF-8 text');
  }
}
