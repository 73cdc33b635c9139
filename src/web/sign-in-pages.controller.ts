import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/roles.decorator.js';
import { sessionToken } from '../auth/request-credentials.js';
import { SESSION_COOKIE, TokenService } from '../auth/token.service.js';
import { Environment } from '../config/environment.js';
import { LoginAttemptsService } from '../auth/login-attempts.service.js';
import { RateLimit } from '../rate-limit/rate-limit.decorator.js';

const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(cases|audit|stats|reports|admin|my-work)(\/[\w-]*)*$/.test(next) ? next : '/cases');

/** Staff sign-in and sign-out for the pages, with a session cookie. */
@ApiExcludeController()
@Controller()
export class SignInPagesController {
  constructor(
    private readonly attempts: LoginAttemptsService,
    private readonly tokens: TokenService,
    private readonly env: Environment,
  ) {}

  @Public()
  @Get('login')
  async loginForm(@Query('next') next: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    await reply.view('login.njk', { next: safeNext(next) });
  }

  @Public()
  @RateLimit('login')
  @Post('login')
  async login(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const email = typeof body?.email === 'string' ? body.email : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    const user = email && password ? await this.attempts.signIn(email, password, request.ip) : null;
    if (!user) {
      await reply.status(401).view('login.njk', { error: 'Enter a correct email address and password', email, next: safeNext(body?.next) });
      return;
    }
    const token = await this.tokens.sign(user, 'cookie');
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

  /** Ends the server-side session, so the cookie is worthless even to someone who copied it, then clears it. */
  @Public()
  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const token = sessionToken(request);
    const staff = token ? await this.tokens.verify(token) : null;
    if (staff) await this.tokens.end(staff.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    await reply.redirect('/login', 303);
  }
}
