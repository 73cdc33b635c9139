import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateEnvironment } from '../config/environment.js';
import { noteKeyHash, parseCheckpointText, splitSignedNote } from './checkpoint-note.js';
import { CheckpointSigner } from './checkpoint-signer.service.js';
import { DEVELOPMENT_KEY_ID } from './signing-keys.js';

const HEAD = { sequence: 1234, hash: 'ab'.repeat(32) };
const ISSUED = new Date('2026-11-25T10:00:00.000Z');

function newKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
}

const signer = (vars: Record<string, string> = {}) => new CheckpointSigner(validateEnvironment({ AUDIT_CHECKPOINT_ORIGIN: 'panel.example/case-log', ...vars }));

describe('checkpoints: C2SP signed notes of the chain head', () => {
  const key = newKey();
  const s = signer({ AUDIT_SIGNING_KEY: key.privatePem });

  it('writes the text in the tlog-checkpoint layout and signs exactly that text', () => {
    const c = s.sign(HEAD, ISSUED);
    expect(c.text).toBe(`panel.example/case-log\n1234\n${Buffer.from(HEAD.hash, 'hex').toString('base64')}\nissued 2026-11-25T10:00:00.000Z\n`);
    expect(c.note.startsWith(`${c.text}\n\u2014 panel.example/case-log `)).toBe(true);
    expect(verify(null, Buffer.from(c.text), createPublicKey(key.publicPem), Buffer.from(c.signature, 'base64'))).toBe(true);
    expect(c.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(parseCheckpointText(c.text)).toEqual({ origin: 'panel.example/case-log', sequence: 1234, hash: HEAD.hash, issuedAt: c.issuedAt });
  });

  it('accepts its own checkpoints, as fields or as a note, even pasted with carriage returns and stray spaces', () => {
    const c = s.sign(HEAD, ISSUED);
    expect(s.open(c)).toMatchObject({ valid: true, body: { sequence: 1234 } });
    expect(s.openNote(c.note)).toMatchObject({ valid: true, checkpoint: { sequence: 1234, hash: HEAD.hash, keyId: c.keyId } });
    expect(s.openNote(`\n${c.note.replace(/\n/g, '  \r\n')}\n`)).toMatchObject({ valid: true });
  });

  it('refuses an altered or forged checkpoint as a bad signature, and says why', () => {
    const c = s.sign(HEAD, ISSUED);
    const otherHash = 'cd'.repeat(32);
    expect(s.open({ ...c, hash: otherHash })).toMatchObject({ valid: false, problem: 'altered' });
    expect(s.open({ ...c, sequence: 1235 })).toMatchObject({ valid: false, problem: 'altered' });
    const forgedText = c.text.replace('1234', '1235');
    expect(s.open({ ...c, text: forgedText, sequence: 1235 })).toMatchObject({ valid: false, problem: 'bad_signature' });
    expect(s.openNote(c.note.replace('1234', '1235'))).toMatchObject({ valid: false, problem: 'bad_signature' });
    const stranger = signer({ AUDIT_SIGNING_KEY: newKey().privatePem }).sign(HEAD, ISSUED);
    expect(s.open(stranger)).toMatchObject({ valid: false, problem: 'unknown_key' });
    expect(s.openNote(stranger.note)).toMatchObject({ valid: false, problem: 'unknown_key', body: { sequence: 1234 } });
    expect(s.openNote('not a checkpoint')).toMatchObject({ valid: false, problem: 'not_a_checkpoint' });
  });

  it('keeps old checkpoints verifiable after the key is rotated, while the old public key stays listed', () => {
    const old = s.sign(HEAD, ISSUED);
    const rotated = signer({ AUDIT_SIGNING_KEY: newKey().privatePem, AUDIT_PREVIOUS_PUBLIC_KEYS: key.publicPem });
    expect(rotated.keys.all.map((k) => k.current)).toEqual([true, false]);
    expect(rotated.open(old)).toMatchObject({ valid: true });
    expect(rotated.openNote(old.note)).toMatchObject({ valid: true });
    expect(rotated.sign(HEAD).keyId).not.toBe(old.keyId);
    const forgetful = signer({ AUDIT_SIGNING_KEY: newKey().privatePem });
    expect(forgetful.open(old)).toMatchObject({ valid: false, problem: 'unknown_key' });
  });

  it('marks the development key, which is published', () => {
    const dev = signer();
    expect(dev.keys.current).toMatchObject({ development: true, keyId: DEVELOPMENT_KEY_ID });
    expect(s.keys.current.development).toBe(false);
  });

  it('reads keys as PEM or base64 DER, and refuses keys that are not Ed25519 with a message naming the variable', () => {
    const der = createPublicKey(key.publicPem).export({ format: 'der', type: 'spki' }).toString('base64');
    const privateDer = s.keys.current.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(signer({ AUDIT_SIGNING_KEY: privateDer }).keys.current.keyId).toBe(s.keys.current.keyId);
    expect(signer({ AUDIT_PREVIOUS_PUBLIC_KEYS: `${der}, ${newKey().publicPem}` }).keys.all).toHaveLength(3);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => signer({ AUDIT_SIGNING_KEY: rsa })).toThrow(/AUDIT_SIGNING_KEY must be an Ed25519 key/);
    expect(() => signer({ AUDIT_SIGNING_KEY: 'not a key' })).toThrow(/AUDIT_SIGNING_KEY must be an Ed25519 private key/);
    expect(() => signer({ AUDIT_PREVIOUS_PUBLIC_KEYS: 'bm9wZQ==' })).toThrow(/AUDIT_PREVIOUS_PUBLIC_KEYS has a key/);
  });

  it('never signs with the development key in production: without AUDIT_SIGNING_KEY it makes a key of its own, kept in a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signing-key-'));
    try {
      const production = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'a-real-admin-password', AUDIT_SIGNING_KEY_FILE: join(dir, 'keys', 'audit.pem') };
      const first = signer(production);
      expect(first.keys.current.development).toBe(false);
      expect(statSync(production.AUDIT_SIGNING_KEY_FILE).mode & 0o777).toBe(0o600);
      expect(signer(production).keys.current.keyId).toBe(first.keys.current.keyId); // the next start, or another process, reads it
      expect(signer({ ...production, AUDIT_SIGNING_KEY: key.privatePem }).keys.current.keyId).toBe(s.keys.current.keyId);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('computes signed-note key hashes as Go does (the golang.org/x/mod/sumdb/note example)', () => {
    const vkey = Buffer.from('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'base64');
    expect(noteKeyHash('PeterNeumann', vkey.subarray(1)).toString('hex')).toBe('c74f20a3');
    const note = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    const split = splitSignedNote(note)!;
    expect(split.signatures[0].keyHash.toString('hex')).toBe('c74f20a3');
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: vkey.subarray(1).toString('base64url') }, format: 'jwk' });
    expect(verify(null, Buffer.from(split.text), publicKey, split.signatures[0].signature)).toBe(true);
  });

  it('verifies the README\'s example checkpoint with exactly the README\'s openssl and Node lines', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Checkpoints'), readme.indexOf('**Keys.**'));
    const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map(([, lang, body]) => ({ lang, body }));
    const [note, pem, sh, js] = blocks;
    expect([note.lang, pem.lang, sh.lang, js.lang]).toEqual(['', '', 'sh', 'js']);
    // The example is genuine: this system, with the development key, accepts it.
    expect(signer({ AUDIT_CHECKPOINT_ORIGIN: 'panel.example.gov.uk/case-log' }).openNote(note.body)).toMatchObject({ valid: true, body: { sequence: 1234, hash: HEAD.hash } });
    const dir = mkdtempSync(join(tmpdir(), 'checkpoint-'));
    try {
      writeFileSync(join(dir, 'checkpoint.txt'), note.body);
      writeFileSync(join(dir, 'case-log-key.pem'), pem.body);
      writeFileSync(join(dir, 'check.mjs'), js.body);
      const out = execFileSync('bash', ['-euo', 'pipefail', '-c', sh.body], { cwd: dir, encoding: 'utf8' });
      expect(out).toContain('Signature Verified Successfully');
      expect(out).toContain(DEVELOPMENT_KEY_ID);
      expect(out.trim().endsWith(HEAD.hash)).toBe(true);
      expect(execFileSync(process.execPath, ['check.mjs'], { cwd: dir, encoding: 'utf8' }).trim()).toBe('true');
      writeFileSync(join(dir, 'checkpoint.txt'), note.body.replace('1234', '1235'));
      expect(() => execFileSync('bash', ['-euo', 'pipefail', '-c', sh.body], { cwd: dir, encoding: 'utf8', stdio: 'pipe' })).toThrow();
      expect(execFileSync(process.execPath, ['check.mjs'], { cwd: dir, encoding: 'utf8' }).trim()).toBe('false');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
