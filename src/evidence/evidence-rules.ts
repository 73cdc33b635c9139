import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../common/domain-error.js';

export const MAX_EVIDENCE_FILES = 5;
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/**
 * The kinds of file a complainant may send, by what their bytes say they are: documents, pictures, sound and video
 * people keep on their phones and computers. Archives, programs and scripts are refused.
 */
const ALLOWED_MEDIA_TYPES = new Set([
  'application/pdf',
  'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif', 'image/tiff', 'image/bmp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet',
  'application/x-cfb', // Word, Excel and Outlook files before 2007 (.doc, .xls, .msg)
  'application/rtf',
  'audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/wav', 'audio/x-wav', 'audio/ogg', 'audio/aac', 'audio/amr',
  'video/mp4', 'video/quicktime', 'video/3gpp', 'video/webm',
  'message/rfc822',
]);

export type EvidenceRefusal = 'too_big' | 'too_many' | 'type' | 'infected' | 'empty';

const STATUS: Record<EvidenceRefusal, 400 | 413 | 415 | 422> = { too_big: 413, too_many: 413, type: 415, infected: 422, empty: 400 };

/** A file refused, naming it and why; nothing of the request is stored. */
export class EvidenceRefused extends DomainError {
  constructor(
    readonly reason: EvidenceRefusal,
    readonly filename: string,
    message: string,
  ) {
    super(`EVIDENCE.${reason.toUpperCase()}`, message, STATUS[reason]);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Text a person could have written: no control characters other than tab, new lines and form feed.
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/** The file's media type from its bytes; plain UTF-8 text (no magic number) is text/plain; null when refused. */
export async function mediaTypeOf(content: Buffer): Promise<string | null> {
  const found = await fileTypeFromBuffer(content);
  if (found) return ALLOWED_MEDIA_TYPES.has(found.mime) ? found.mime : null;
  try {
    return TEXT_CONTROL.test(utf8.decode(content)) ? null : 'text/plain';
  } catch {
    return null;
  }
}

/** A name safe to store and to offer for download: no path, no control characters, at most 200 characters. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001F\u007F"<>|:*?]/g, '').replace(/\s+/g, ' ').trim().slice(0, 200);
  return cleaned || 'evidence';
}
