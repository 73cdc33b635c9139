import { Body, Controller, Get, HttpCode, Logger, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { CaseLogExportService } from '../audit/case-log-export.service.js';
import { ChainVerifyService, type ChainVerification, type CheckpointVerification } from '../audit/chain-verify.service.js';
import { CheckpointSigner, type OpenedCheckpoint } from '../audit/checkpoint-signer.service.js';
import { noteFileName } from '../audit/checkpoints.controller.js';
import type { ExportQuery } from '../audit/dto/export-query.dto.js';
import { CheckpointsService, type StoredCheckpoint } from '../audit/checkpoints.service.js';
import { GENESIS_HASH } from '../audit/event-hash.js';
import { sendExport } from '../audit/export-reply.js';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { readExportForm } from './audit-export-form.js';
import { CHECKPOINT_FORM_LIMIT, readCheckpointForm } from './checkpoint-form.js';
import { errorList, type FieldErrors } from './form-validation.js';
import { navigation } from './navigation.js';

interface CheckResult {
  verification: CheckpointVerification;
  opened: OpenedCheckpoint;
}

/**
 * Auditors' page: the state of the chain, the latest signed checkpoint to keep, a form to check the log against a
 * checkpoint kept elsewhere (pasted or uploaded, no JavaScript needed), the export form and the exports made lately.
 */
@ApiExcludeController()
@Roles('auditor')
@Controller('audit')
export class AuditPagesController {
  private readonly logger = new Logger(AuditPagesController.name);

  constructor(
    private readonly verifier: ChainVerifyService,
    private readonly exports: CaseLogExportService,
    private readonly checkpoints: CheckpointsService,
    private readonly signer: CheckpointSigner,
  ) {}

  @Get()
  async page(@CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.render(reply, staff, await this.verifier.verify());
  }

  /**
   * The export form: a download when the form holds together, else this page again with a GOV.UK error summary and
   * the answers kept (the API's own route answers JSON, which a person should never see).
   */
  @Get('export')
  async export(@Query() raw: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const form = readExportForm(raw);
    const errors: FieldErrors = { ...form.errors };
    if (form.query && (form.query.from || form.query.to || form.query.reference || form.query.type) && !(await this.exports.hasEvents(form.query))) {
      errors[form.query.from || form.query.to ? 'from-day' : form.query.reference ? 'reference' : 'type'] = noEventsMessage(form.query);
    }
    if (!form.query || Object.keys(errors).length) {
      return this.render(reply.status(400), staff, await this.verifier.verify(), { errors, exportValues: form.values });
    }
    await sendExport(reply, await this.exports.open(form.query, staff));
  }

  @Post('checkpoint-check')
  @HttpCode(200)
  @RouteConfig({ multipartOptions: { limits: { files: 1, fileSize: CHECKPOINT_FORM_LIMIT, fields: 5, fieldSize: CHECKPOINT_FORM_LIMIT + 1 } } })
  async check(@Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const form = readCheckpointForm(body);
    const opened = form.note === undefined ? undefined : this.signer.openNote(form.note);
    const errors: FieldErrors = { ...form.errors };
    if (opened && !opened.valid && opened.problem === 'not_a_checkpoint') {
      errors[form.pasted.trim() ? 'checkpoint' : 'checkpointFile'] = 'That is not a checkpoint. Use the whole text, from its first line to the line that starts with a long dash (—)';
    }
    if (!opened || Object.keys(errors).length) {
      return this.render(reply.status(400), staff, await this.verifier.verify(), { errors, pasted: form.pasted });
    }
    const verification = await this.verifier.verifyAgainst(opened);
    await this.render(reply, staff, verification, { check: { verification, opened }, pasted: form.pasted });
  }

  private async render(reply: FastifyReply, staff: StaffUser, chain: ChainVerification, extra: { check?: CheckResult; errors?: FieldErrors; pasted?: string; exportValues?: Record<string, string> } = {}): Promise<void> {
    // The chain itself holds when nothing broke it; `ok` is also false for a checkpoint brought that is not genuine.
    const intact = chain.firstBrokenSequence === null;
    const [latest, recent] = await Promise.all([this.latestCheckpoint(intact, chain), this.exports.recent()]);
    const signed = await this.checkpoints.byIds(recent.map((e) => String(e.details.checkpointId ?? '')));
    await reply.view('audit.njk', {
      chain,
      intact,
      latest,
      latestFileName: latest && noteFileName(latest),
      publicKey: this.signer.keys.current,
      recent: recent.map((e) => ({ ...e, checkpoint: signed.get(String(e.details.checkpointId ?? '')) ?? null })),
      check: extra.check && describeCheck(extra.check),
      errors: extra.errors ?? {},
      errorList: errorList(extra.errors ?? {}),
      pasted: extra.pasted ?? '',
      exportValues: extra.exportValues ?? {},
      today: DateTime.now().setZone('Europe/London').toFormat('d M yyyy'),
      staff,
      navigation: navigation(staff, '/audit'),
    });
  }

  /** A checkpoint of the head just found intact (the same one while the log has not grown); otherwise the latest held. */
  private async latestCheckpoint(intact: boolean, chain: ChainVerification): Promise<StoredCheckpoint | null> {
    try {
      if (intact) return await this.checkpoints.issue('on_demand', chain.head ?? { sequence: 0, hash: GENESIS_HASH });
      return await this.checkpoints.latest();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'the audit page shows no checkpoint');
      return null;
    }
  }
}

/** Said when the filters are sound but match nothing, so the auditor is not handed an empty file. */
function noEventsMessage(query: ExportQuery): string {
  const day = (iso: string) => DateTime.fromISO(iso).toFormat('d LLLL yyyy');
  const when = query.from && query.to ? ` from ${day(query.from)} to ${day(query.to)}` : query.from ? ` on or after ${day(query.from)}` : query.to ? ` up to ${day(query.to)}` : '';
  const which = [query.type && `of type ${query.type}`, query.reference && `for case ${query.reference}`].filter(Boolean).join(' ');
  return `The case log has no events${which ? ` ${which}` : ''}${when}. Change the filters, or leave them empty to export the whole log`;
}

/** What the page says about a checkpoint checked: a verdict, and the facts a person needs to act on it. */
function describeCheck({ verification, opened }: CheckResult) {
  const body = opened.body;
  return {
    verdict: verification.checkpoint,
    problem: verification.checkpointProblem,
    sequence: body?.sequence ?? null,
    issuedAt: body?.issuedAt ?? null,
    development: opened.valid && opened.key.development,
    firstBrokenSequence: verification.firstBrokenSequence,
    unchangedThrough: verification.unchangedThrough,
    reason: verification.reason,
  };
}
