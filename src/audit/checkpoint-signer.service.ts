import { Injectable, Logger } from '@nestjs/common';
import { createHash, sign, verify } from 'node:crypto';
import { Environment } from '../config/environment.js';
import { checkpointText, noteKeyHash, parseCheckpointText, signedNote, splitSignedNote, type CheckpointBody } from './checkpoint-note.js';
import type { ChainHead } from './chain-verifier.js';
import { SigningKeys, type PublicSigningKey } from './signing-keys.js';

/** A checkpoint as the API carries it: `text` is exactly what was signed; `signature` is the 64-byte Ed25519 signature. */
export interface Checkpoint {
  sequence: number;
  hash: string;
  issuedAt: string;
  keyId: string;
  signature: string;
  text: string;
}

/** A checkpoint with its signed note (text, blank line, signature line): the file a person keeps. */
export interface SignedCheckpoint extends Checkpoint {
  note: string;
}

/** Why a checkpoint is refused: signed by no key this system knows, a signature that fails, or fields that are not what was signed. */
export type CheckpointProblem = 'unknown_key' | 'bad_signature' | 'not_a_checkpoint' | 'altered';

export type OpenedCheckpoint =
  | { valid: true; checkpoint: SignedCheckpoint; body: CheckpointBody; key: PublicSigningKey }
  | { valid: false; problem: CheckpointProblem; body: CheckpointBody | null };

/**
 * Signs checkpoints of the case log with the deployment's Ed25519 key and checks checkpoints against every key the
 * environment lists. Signatures found good are remembered, so re-checking the same stored checkpoints costs nothing.
 */
@Injectable()
export class CheckpointSigner {
  readonly keys: SigningKeys;
  private readonly verified = new Set<string>();

  constructor(private readonly env: Environment) {
    this.keys = SigningKeys.fromEnvironment(env);
    const logger = new Logger('CaseLogCheckpoints');
    if (this.keys.current.development) {
      logger.warn('checkpoints are signed with the DEVELOPMENT key, which is published: anyone can forge them. Set AUDIT_SIGNING_KEY.');
    } else if (!env.AUDIT_SIGNING_KEY) {
      logger.warn(
        { keyId: this.keys.current.keyId, file: env.AUDIT_SIGNING_KEY_FILE },
        `AUDIT_SIGNING_KEY is not set: checkpoints are signed with a key this deployment made, kept in ${env.AUDIT_SIGNING_KEY_FILE}. Back it up where the database's administrators cannot read it; processes on other machines need the same key (set AUDIT_SIGNING_KEY).`,
      );
    }
  }

  sign(head: ChainHead, issuedAt = new Date()): SignedCheckpoint {
    const key = this.keys.current;
    const origin = this.env.AUDIT_CHECKPOINT_ORIGIN;
    const text = checkpointText({ origin, sequence: head.sequence, hash: head.hash, issuedAt: issuedAt.toISOString() });
    const signature = sign(null, Buffer.from(text), key.privateKey);
    return {
      sequence: head.sequence,
      hash: head.hash,
      issuedAt: issuedAt.toISOString(),
      keyId: key.keyId,
      signature: signature.toString('base64'),
      text,
      note: signedNote(text, origin, noteKeyHash(origin, key.raw), signature),
    };
  }

  /** Checks a checkpoint given field by field (the API's shape): its signature, and that its fields are what was signed. */
  open(claim: Checkpoint): OpenedCheckpoint {
    const body = parseCheckpointText(claim.text);
    const key = this.keys.byId(claim.keyId);
    if (!key) return { valid: false, problem: 'unknown_key', body };
    const signature = Buffer.from(claim.signature, 'base64');
    if (!this.signatureHolds(key, claim.text, signature)) return { valid: false, problem: 'bad_signature', body };
    if (!body) return { valid: false, problem: 'not_a_checkpoint', body };
    if (body.sequence !== claim.sequence || body.hash !== claim.hash || body.issuedAt !== claim.issuedAt) return { valid: false, problem: 'altered', body };
    const checkpoint = { ...claim, signature: signature.toString('base64'), note: signedNote(claim.text, body.origin, noteKeyHash(body.origin, key.raw), signature) };
    return { valid: true, checkpoint, body, key };
  }

  /** Checks a signed note (a saved checkpoint file): the first signature line from a known key decides. */
  openNote(note: string): OpenedCheckpoint {
    const split = splitSignedNote(note);
    if (!split) return { valid: false, problem: 'not_a_checkpoint', body: null };
    const body = parseCheckpointText(split.text);
    for (const line of split.signatures) {
      const key = this.keys.all.find((k) => noteKeyHash(line.name, k.raw).equals(line.keyHash));
      if (!key) continue;
      if (!body) return { valid: false, problem: 'not_a_checkpoint', body };
      return this.open({ ...body, keyId: key.keyId, signature: line.signature.toString('base64'), text: split.text });
    }
    return { valid: false, problem: body ? 'unknown_key' : 'not_a_checkpoint', body };
  }

  private signatureHolds(key: PublicSigningKey, text: string, signature: Buffer): boolean {
    if (signature.length !== 64) return false;
    const seen = createHash('sha256').update(key.keyId).update(signature).update(text).digest('base64');
    if (this.verified.has(seen)) return true;
    const holds = verify(null, Buffer.from(text), key.publicKey, signature);
    if (holds) this.verified.add(seen);
    return holds;
  }
}
