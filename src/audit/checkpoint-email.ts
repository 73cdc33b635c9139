import { DateTime } from 'luxon';
import type { SignedCheckpoint } from './checkpoint-signer.service.js';

export interface CheckpointEmail {
  subject: string;
  text: string;
  attachments: Array<{ filename: string; content: string }>;
}

const when = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' }).toFormat("d LLLL yyyy 'at' HH:mm:ss");

/** One message for every checkpoint waiting: each in the body and as a file, so it can be kept exactly as signed. */
export function checkpointEmail(origin: string, checkpoints: SignedCheckpoint[]): CheckpointEmail {
  const last = checkpoints[checkpoints.length - 1];
  const subject =
    checkpoints.length === 1
      ? `Case log checkpoint: ${origin} at event ${last.sequence}`
      : `${checkpoints.length} case log checkpoints: ${origin} up to event ${last.sequence}`;
  const intro = [
    `The case log of ${origin} was signed at the points below. Keep this message, or its attached files, somewhere`,
    `the system's database administrators cannot change. To check later that the log has not been rewritten, paste a`,
    `checkpoint into "Check the log against a checkpoint" on the audit page, or run`,
    `npm run audit:verify -- --checkpoint FILE. Each checkpoint is a C2SP signed note: the lines up to the blank line`,
    `are what was signed; the line after it is the Ed25519 signature.`,
  ].join('\n');
  const parts = checkpoints.map((c) => `Event ${c.sequence}, signed ${when(c.issuedAt)} (UK time), key ${c.keyId.slice(0, 16)}…\n\n${c.note}`);
  return {
    subject,
    text: `${intro}\n\n${parts.join('\n\n')}`,
    attachments: checkpoints.map((c) => ({ filename: `case-log-checkpoint-${c.sequence}-${c.hash.slice(0, 8)}.txt`, content: c.note })),
  };
}
