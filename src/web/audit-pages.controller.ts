import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { CaseLogExportService } from '../audit/case-log-export.service.js';
import { ChainVerifyService } from '../audit/chain-verify.service.js';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { navigation } from './navigation.js';

/** Auditors' page: the state of the chain, the export form and the exports made lately. */
@ApiExcludeController()
@Roles('auditor')
@Controller('audit')
export class AuditPagesController {
  constructor(
    private readonly verifier: ChainVerifyService,
    private readonly exports: CaseLogExportService,
  ) {}

  @Get()
  async page(@CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const [chain, recent] = await Promise.all([this.verifier.verify(), this.exports.recent()]);
    const today = DateTime.now().setZone('Europe/London').toISODate();
    await reply.view('audit.njk', { chain, recent, today, staff, navigation: navigation(staff, '/audit') });
  }
}
