import { Global, Module } from '@nestjs/common';
import { CaseLogChainer } from './case-log-chainer.service.js';
import { CaseLogService } from './case-log.service.js';
import { CaseTextKeys } from './case-text-keys.service.js';
import { ChainVerifyService } from './chain-verify.service.js';
import { CheckpointAnchors } from './checkpoint-anchors.service.js';
import { CheckpointDirectory } from './checkpoint-directory.js';
import { CheckpointSigner } from './checkpoint-signer.service.js';
import { CheckpointsService } from './checkpoints.service.js';

const PROVIDERS = [CaseLogService, CaseTextKeys, CaseLogChainer, ChainVerifyService, CheckpointSigner, CheckpointDirectory, CheckpointAnchors, CheckpointsService];

/** The case log is appended to by every feature, so its writer, its chainer, its checker and its checkpoints are global. */
@Global()
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class AuditModule {}
