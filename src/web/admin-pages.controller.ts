import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf, CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { DomainError } from '../common/domain-error.js';
import { DeadLettersService } from '../dead-letters/dead-letters.service.js';
import { LegalHoldsService } from '../erasure/legal-holds.service.js';
import { RetentionService } from '../retention/retention.service.js';
import { CreateUserDto } from '../users/dto/create-user.dto.js';
import { ResetPasswordDto, UpdateUserDto } from '../users/dto/update-user.dto.js';
import { ROLES } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { errorList, formFields, refusal, validateForm, type FieldErrors } from './form-validation.js';
import { navigation } from './navigation.js';
import { DONE, USER_FORM } from './staff-messages.js';

const UserIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('USER.NOT_FOUND', 'There is no user with this id', 404) });

/** Admins' pages: staff accounts (add, change role, disable, reset password), failed jobs with retry, and the index of the rest. */
@ApiExcludeController()
@Roles('admin')
@Controller('admin')
export class AdminPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly deadLetters: DeadLettersService,
    private readonly holds: LegalHoldsService,
    private readonly retention: RetentionService,
  ) {}

  @Get()
  async index(@CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const [users, failed, holds, preview] = await Promise.all([this.users.list(), this.deadLetters.list(1), this.holds.list(), this.retention.preview()]);
    await reply.view('admin/index.njk', { users: users.length, failed: failed.total, holdCount: holds.length, dueCount: preview.due.length, staff, navigation: navigation(staff, '/admin') });
  }

  @Get('users')
  async userList(@Query('done') done: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.renderUsers(reply, staff, { done: done ? DONE[done] : undefined });
  }

  @Post('users')
  async create(@Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['email', 'password', 'role']);
    const { value, errors } = validateForm(CreateUserDto, { ...fields, email: fields.email?.trim() ?? '' }, USER_FORM);
    if (Object.keys(errors).length) return this.renderUsers(reply.status(400), staff, { errors, values: { ...fields, password: '' } });
    try {
      await this.users.create(value.email, value.password, value.role, actorOf(staff));
      await reply.redirect('/admin/users?done=user-created', 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await this.renderUsers(reply.status(error.status), staff, { errors: { email: refusal(error) }, values: { ...fields, password: '' } });
    }
  }

  @Get('users/:id')
  async user(@Param('id', UserIdPipe) id: string, @Query('done') done: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.renderUser(reply, id, staff, { done: done ? DONE[done] : undefined });
  }

  @Post('users/:id')
  async update(@Param('id', UserIdPipe) id: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['role', 'disabled']);
    const values = { role: fields.role, disabled: fields.disabled === 'yes' ? true : fields.disabled === 'no' ? false : 'unset' };
    const { value, errors } = validateForm(UpdateUserDto, values, USER_FORM);
    if (Object.keys(errors).length) return this.renderUser(reply.status(400), id, staff, { errors });
    await this.attempt(reply, id, staff, 'role', () => this.users.update(id, value, actorOf(staff)), 'user-updated');
  }

  @Post('users/:id/password')
  async resetPassword(@Param('id', UserIdPipe) id: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const { value, errors } = validateForm(ResetPasswordDto, formFields(body, ['password']), USER_FORM);
    if (Object.keys(errors).length) return this.renderUser(reply.status(400), id, staff, { errors });
    await this.attempt(reply, id, staff, 'password', () => this.users.resetPassword(id, value.password, actorOf(staff)), 'password-reset');
  }

  @Get('dead-letters')
  async failedJobs(@Query('done') done: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const failed = await this.deadLetters.list();
    await reply.view('admin/dead-letters.njk', { failed, done: done ? DONE[done] : undefined, staff, navigation: navigation(staff, '/admin') });
  }

  @Post('dead-letters/retry')
  async retry(@Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const { jobId } = formFields(body, ['jobId']);
    await this.deadLetters.retry(jobId ? [jobId] : undefined);
    await reply.redirect('/admin/dead-letters?done=retried', 303);
  }

  private async attempt(reply: FastifyReply, id: string, staff: StaffUser, field: string, action: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await action();
      await reply.redirect(`/admin/users/${id}?done=${done}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      await this.renderUser(reply.status(error.status), id, staff, { errors: { [field]: refusal(error) } });
    }
  }

  private async renderUsers(reply: FastifyReply, staff: StaffUser, extra: { done?: string; errors?: FieldErrors; values?: Record<string, string> }): Promise<void> {
    const errors = extra.errors ?? {};
    await reply.view('admin/users.njk', { users: await this.users.list(), roles: ROLES, done: extra.done, values: extra.values ?? {}, errors, errorList: errorList(errors), staff, navigation: navigation(staff, '/admin') });
  }

  private async renderUser(reply: FastifyReply, id: string, staff: StaffUser, extra: { done?: string; errors?: FieldErrors }): Promise<void> {
    const errors = extra.errors ?? {};
    await reply.view('admin/user.njk', { user: await this.users.get(id), self: id === staff.id, roles: ROLES, done: extra.done, errors, errorList: errorList(errors), staff, navigation: navigation(staff, '/admin') });
  }
}
