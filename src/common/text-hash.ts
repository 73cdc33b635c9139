import { createHash } from 'node:crypto';

/**
 * Free text that may name people (notes, reasons) stays in its own table; the case log carries only its SHA-256,
 * so the log proves what was written without holding personal data.
 */
export const textSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
