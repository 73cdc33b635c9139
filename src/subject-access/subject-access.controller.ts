import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CaseReferencePipe } from '../cases/case-reference.pipe.js';
import { ApiErrors, FILE_SCHEMA } from '../common/openapi.js';
import { SubjectAccessDocumentDto } from './dto/subject-access.dto.js';
import { bundleFileName, subjectAccessZip } from './subject-access-bundle.js';
import { SubjectAccessService } from './subject-access.service.js';

/** Subject access: everything held about a case's complainant, as JSON and as a bundle. Officers and admins. */
@ApiTags('personal data')
@Roles('officer')
@Controller('api/cases')
export class SubjectAccessController {
  constructor(private readonly subjectAccess: SubjectAccessService) {}

  @Get(':reference/subject-access')
  @ApiOperation({
    summary: 'Everything held about the complainant of this case, as one JSON document (officer, admin)',
    description: 'Every complaint of theirs (same email, or same name and address): their details, the complaint, triage, deadlines, outcomes, notes, changes of category, evidence list, letters and case events. Logged in the case log of each complaint.',
  })
  @ApiOkResponse({ type: SubjectAccessDocumentDto })
  @ApiErrors({ 404: 'No case has this reference' })
  document(@Param('reference', CaseReferencePipe) reference: string, @CurrentStaff() staff: StaffUser): Promise<SubjectAccessDocumentDto> {
    return this.subjectAccess.document(reference, staff, 'json');
  }

  @Get(':reference/subject-access.zip')
  @ApiOperation({
    summary: 'The same as a bundle to give the person: a readable HTML document, the JSON and their evidence files, zipped (officer, admin)',
    description: 'Logged in the case log of each complaint, as the JSON is.',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'a zip: subject-access.html, subject-access.json, evidence/<reference>/<file>', schema: FILE_SCHEMA })
  @ApiErrors({ 404: 'No case has this reference' })
  async bundle(@Param('reference', CaseReferencePipe) reference: string, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const document = await this.subjectAccess.document(reference, staff, 'bundle');
    const html = await reply.server.view('subject-access-bundle.njk', { document });
    const zip = subjectAccessZip(document, html, await this.subjectAccess.evidenceFiles(document));
    await reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${bundleFileName(document)}"`).send(zip);
  }
}
