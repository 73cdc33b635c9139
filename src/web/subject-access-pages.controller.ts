import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CaseReferencePipe } from '../cases/case-reference.pipe.js';
import { SubjectAccessService } from '../subject-access/subject-access.service.js';
import { navigation } from './navigation.js';

/** The subject access page: everything held about a case's complainant, to check before the bundle is sent. */
@ApiExcludeController()
@Roles('officer')
@Controller('cases')
export class SubjectAccessPagesController {
  constructor(private readonly subjectAccess: SubjectAccessService) {}

  @Get(':reference/subject-access')
  async page(@Param('reference', CaseReferencePipe) reference: string, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const document = await this.subjectAccess.document(reference, staff, 'page');
    await reply.view('subject-access.njk', { document, staff, navigation: navigation(staff, '/cases') });
  }
}
