import { Body, Controller, Get, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../common/openapi.js';
import { Environment } from '../config/environment.js';
import { RateLimit } from '../rate-limit/rate-limit.decorator.js';
import { AccessTokenDto, LoginDto, SessionDto } from './dto/login.dto.js';
import { LoginAttemptsService } from './login-attempts.service.js';
import { authenticatesByCookie, csrfBinding } from './request-credentials.js';
import { Public, SignedIn } from './roles.decorator.js';
import { CurrentStaff, type StaffUser } from './staff-user.js';
import { SESSION_COOKIE, TokenService } from './token.service.js';

@ApiTags('staff')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly attempts: LoginAttemptsService,
    private readonly tokens: TokenService,
    private readonly env: Environment,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in for a bearer token', description: 'Starts a server-side session; the token works until it expires or is signed out.' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrors({
    400: 'email or password missing or malformed; the message names it',
    401: 'Wrong email or password, or the account is disabled',
    429: 'LOGIN_RATE_LIMIT from this address, or too many failures for this account from it: wait the seconds Retry-After gives',
  })
  @RateLimit('login')
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<AccessTokenDto> {
    const user = await this.attempts.signIn(body.email, body.password, request.ip);
    if (!user) throw new UnauthorizedException('Wrong email or password');
    const accessToken = await this.tokens.sign(user, 'bearer');
    return { accessToken, expiresIn: this.env.AUTH_TOKEN_TTL_MINUTES * 60 };
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Sign out', description: 'Ends the session of the bearer token or cookie used: it is refused (401) from then on.' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@CurrentStaff() staff: StaffUser, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.tokens.end(staff.sessionId);
    if (authenticatesByCookie(request)) reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('session')
  @SignedIn()
  @ApiOperation({
    summary: 'Who is signed in',
    description: 'For a browser session, also the CSRF token that cookie-authenticated API requests must send in the x-csrf-token header.',
  })
  @ApiOkResponse({ type: SessionDto })
  session(@CurrentStaff() staff: StaffUser, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): SessionDto {
    const csrfToken = authenticatesByCookie(request) ? reply.generateCsrf({ userInfo: csrfBinding(request) }) : undefined;
    return { id: staff.id, email: staff.email, role: staff.role, csrfToken };
  }
}
