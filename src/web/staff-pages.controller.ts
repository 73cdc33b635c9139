import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../auth/roles.decorator.js';
import { SESSION_COOKIE, TokenService } from '../auth/token.service.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CasesService } from '../cases/cases.service.js';
import { ListCasesQuery } from '../cases/dto/list-cases.query.js';
import { Environment } from '../config/environment.js';
import { UsersService } from '../users/users.service.js';
import { navigation } from './navigation.js';

const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(cases|audit)(\/[\w-]*)?$/.test(next) ? next : '/cases');

/** Officers' and auditors' pages, signed in with a session cookie. */
@ApiExcludeController()
@Controller()
export class StaffPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly cases: CasesService,
    private readonly env: Environment,
  ) {}

  @Public()
  @Get('login')
  async loginForm(@Query('next') next: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    await reply.view('login.njk', { csrfToken: reply.generateCsrf(), next: safeNext(next) });
  }

  @Public()
  @Post('login')
  async login(@Body() body: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const email = typeof body?.email === 'string' ? body.email : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    const user = email && password ? await this.users.authenticate(email, password) : null;
    if (!user) {
      await reply.status(401).view('login.njk', { csrfToken: reply.generateCsrf(), error: 'Enter a correct email address and password', email, next: safeNext(body?.next) });
      return;
    }
    const token = await this.tokens.sign({ id: user.id, email: user.email, role: user.role });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto',
      signed: true,
      maxAge: this.env.AUTH_TOKEN_TTL_MINUTES * 60,
    });
    await reply.redirect(safeNext(body?.next), 303);
  }

  @Public()
  @Post('logout')
  async logout(@Res() reply: FastifyReply): Promise<void> {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    await reply.redirect('/login', 303);
  }

  @Roles('officer', 'auditor')
  @Get('cases')
  async queue(@Query() query: ListCasesQuery, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const list = await this.cases.list(query, staff);
    await reply.view('cases.njk', { list, query, staff, navigation: navigation(staff) });
  }

  @Roles('officer', 'auditor')
  @Get('cases/:reference')
  async case(@Param('reference') reference: string, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await reply.view('case.njk', { case: await this.cases.get(reference), staff, navigation: navigation(staff) });
  }
}
