import type { DataSource } from 'typeorm';
import type { Environment } from '../config/environment.js';
import { CaseLogChainer } from './case-log-chainer.service.js';
import { ChainVerifyService } from './chain-verify.service.js';
import { CheckpointAnchors } from './checkpoint-anchors.service.js';
import { CheckpointDirectory } from './checkpoint-directory.js';
import { CheckpointSigner } from './checkpoint-signer.service.js';
import { CheckpointsService } from './checkpoints.service.js';

/** The case log's checker and checkpoints wired by hand, for the command line and the benchmarks (no Nest application). */
export function standaloneAudit(env: Environment, dataSource: DataSource) {
  const chainer = new CaseLogChainer(env, dataSource);
  const signer = new CheckpointSigner(env);
  const anchors = new CheckpointAnchors(dataSource, signer, new CheckpointDirectory(env));
  const verifier = new ChainVerifyService(dataSource, chainer, anchors);
  return { chainer, signer, verifier, checkpoints: new CheckpointsService(dataSource, signer, verifier, anchors) };
}
