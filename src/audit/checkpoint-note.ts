import { createHash } from 'node:crypto';

/**
 * The text of a checkpoint, in the C2SP tlog-checkpoint layout, and the C2SP signed note around it:
 *
 *   <origin>\n<number of events>\n<head hash, base64 of its 32 bytes>\nissued <ISO time>\n
 *   \n
 *   — <key name> <base64 of (4-byte key hash ‖ 64-byte Ed25519 signature)>\n
 *
 * The signature covers the text exactly, final newline included. The hash is the head of the case log's hash chain
 * (not a Merkle tree root, so the tlog inclusion proofs do not apply). "issued …" is a checkpoint extension line.
 */
export interface CheckpointBody {
  origin: string;
  /** The head's sequence: the number of events the checkpoint covers. */
  sequence: number;
  /** The head's hash, hex. */
  hash: string;
  issuedAt: string;
}

export interface NoteSignature {
  name: string;
  keyHash: Buffer;
  signature: Buffer;
}

const EM_DASH = '\u2014';
const ISSUED = 'issued ';
const NAME = /^[^\s+]{1,200}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_NOTE = 4096;

export function checkpointText({ origin, sequence, hash, issuedAt }: CheckpointBody): string {
  return `${origin}\n${sequence}\n${Buffer.from(hash, 'hex').toString('base64')}\n${ISSUED}${issuedAt}\n`;
}

/** The body of a checkpoint text, or null when the text is not one this system writes. */
export function parseCheckpointText(text: string): CheckpointBody | null {
  const lines = text.split('\n');
  if (lines.pop() !== '' || lines.length !== 4) return null;
  const [origin, size, rootHash, issued] = lines;
  if (!NAME.test(origin) || !/^(0|[1-9]\d{0,14})$/.test(size)) return null;
  const hash = Buffer.from(rootHash, 'base64');
  if (hash.length !== 32 || hash.toString('base64') !== rootHash) return null;
  if (!issued.startsWith(ISSUED)) return null;
  const issuedAt = issued.slice(ISSUED.length);
  if (!ISO_INSTANT.test(issuedAt) || Number.isNaN(Date.parse(issuedAt))) return null;
  return { origin, sequence: Number(size), hash: hash.toString('hex'), issuedAt };
}

/** The signed-note key hash of an Ed25519 key: the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). */
export function noteKeyHash(name: string, rawPublicKey: Buffer): Buffer {
  return createHash('sha256').update(name).update('\n').update(Buffer.from([0x01])).update(rawPublicKey).digest().subarray(0, 4);
}

export function signedNote(text: string, name: string, keyHash: Buffer, signature: Buffer): string {
  return `${text}\n${EM_DASH} ${name} ${Buffer.concat([keyHash, signature]).toString('base64')}\n`;
}

/**
 * Splits a signed note into its text and signature lines. A note pasted from an email or a form may have gained
 * carriage returns, trailing spaces or lost its last newline; none of those can be part of a checkpoint's text,
 * so they are undone first. Null when it is not a signed note at all.
 */
export function splitSignedNote(input: string): { text: string; signatures: NoteSignature[] } | null {
  if (input.length > MAX_NOTE) return null;
  const lines = input.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd());
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const note = `${lines.join('\n')}\n`;
  const blank = note.lastIndexOf('\n\n');
  if (blank < 0) return null;
  const signatures: NoteSignature[] = [];
  for (const line of note.slice(blank + 2, -1).split('\n')) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/.exec(line);
    if (!match) return null;
    const bytes = Buffer.from(match[2], 'base64');
    if (bytes.length < 5) return null;
    signatures.push({ name: match[1], keyHash: bytes.subarray(0, 4), signature: bytes.subarray(4) });
  }
  return { text: note.slice(0, blank + 1), signatures };
}
