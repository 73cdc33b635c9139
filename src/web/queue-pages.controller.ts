import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CaseQueueService } from '../cases/case-queue.service.js';
import { CASE_STATUSES } from '../cases/case-status.js';
import { ListCasesQuery, SORTS } from '../cases/dto/list-cases.query.js';
import { MyWorkService } from '../cases/my-work.service.js';
import { CATEGORIES } from '../complaints/complaint-categories.js';
import { UsersService } from '../users/users.service.js';
import { navigation } from './navigation.js';

/** The queue (filters, search and sort, all kept in the address) and each officer's own deadlines. */
@ApiExcludeController()
@Roles('officer', 'auditor')
@Controller()
export class QueuePagesController {
  constructor(
    private readonly queue: CaseQueueService,
    private readonly myWork: MyWorkService,
    private readonly users: UsersService,
  ) {}

  @Get('cases')
  async cases(@Query() query: ListCasesQuery, @CurrentStaff() staff: StaffUser, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [list, users] = await Promise.all([this.queue.list(query, staff), this.users.list()]);
    const pages = Math.max(1, Math.ceil(list.total / query.pageSize));
    // Only the fields given are kept in the links, so a shared address stays short.
    const given = new URLSearchParams([...new URLSearchParams(request.url.split('?')[1] ?? '')].filter(([, v]) => v.trim() !== ''));
    const pageLink = (page: number) => (given.set('page', String(page)), `/cases?${given.toString()}`);
    const filtered = [...given.keys()].some((k) => k !== 'page' && k !== 'sort');
    await reply.view('cases.njk', {
      list, query, staff, pages, filtered,
      previous: query.page > 1 ? pageLink(query.page - 1) : null,
      next: query.page < pages ? pageLink(query.page + 1) : null,
      categories: CATEGORIES, statuses: CASE_STATUSES, sorts: SORTS,
      officers: users.filter((u) => u.role !== 'auditor' && !u.disabledAt),
      navigation: navigation(staff, '/cases'),
    });
  }

  @Get('my-work')
  @Roles('officer')
  async work(@CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const work = await this.myWork.forOfficer(staff.id);
    await reply.view('my-work.njk', { work, staff, navigation: navigation(staff, '/my-work') });
  }
}
