import type { FieldErrors } from './form-validation.js';
import type { FormFile } from './http-setup.js';

/** A checkpoint is a few hundred bytes; anything near this is something else. */
export const CHECKPOINT_FORM_LIMIT = 16 * 1024;

export interface CheckpointForm {
  /** The checkpoint to check, from the text box or the file. */
  note?: string;
  /** What was pasted, to show again with an error. */
  pasted: string;
  errors: FieldErrors;
}

const isFile = (value: unknown): value is FormFile => !!value && typeof value === 'object' && Buffer.isBuffer((value as FormFile).content);

/** Reads the audit page's "check against a checkpoint" form: a pasted checkpoint, or a file, not both. */
export function readCheckpointForm(body: unknown): CheckpointForm {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const pasted = typeof fields.checkpoint === 'string' ? fields.checkpoint : '';
  // A form sent without choosing a file still carries an empty file part.
  const file = isFile(fields.checkpointFile) && (fields.checkpointFile.filename || fields.checkpointFile.content.length) ? fields.checkpointFile : undefined;
  const hasText = pasted.trim() !== '';
  if (!hasText && !file) return { pasted, errors: { checkpoint: 'Paste a checkpoint, or choose a checkpoint file' } };
  if (hasText && file) return { pasted, errors: { checkpoint: 'Paste a checkpoint or choose a file, not both' } };
  if (hasText) {
    if (pasted.length > CHECKPOINT_FORM_LIMIT) return { pasted: '', errors: { checkpoint: 'The checkpoint must be 16,000 characters or fewer' } };
    return { note: pasted, pasted, errors: {} };
  }
  if (file!.truncated || file!.content.length > CHECKPOINT_FORM_LIMIT) return { pasted, errors: { checkpointFile: 'The selected file must be smaller than 16 KB' } };
  const text = file!.content.toString('utf8');
  if (!file!.content.length) return { pasted, errors: { checkpointFile: 'The selected file is empty' } };
  if (text.includes('\uFFFD') || text.includes('\u0000')) return { pasted, errors: { checkpointFile: 'The selected file must be a checkpoint text file' } };
  return { note: text, pasted, errors: {} };
}
