import { Body, Controller, HttpCode, Post, Req, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Environment } from '../config/environment.js';
import { RateLimit } from '../rate-limit/rate-limit.decorator.js';
import { AccessTokenDto, LoginDto } from './dto/login.dto.js';
import { LoginAttemptsService } from './login-attempts.service.js';
import { Public } from './roles.decorator.js';
import { TokenService } from './token.service.js';

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
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({ description: 'LOGIN_RATE_LIMIT from this address, or too many failures for this account from it' })
  @RateLimit('login')
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<AccessTokenDto> {
    const user = await this.attempts.signIn(body.email, body.password, request.ip);
    if (!user) throw new UnauthorizedException('Wrong email or password');
    const accessToken = await this.tokens.sign({ id: user.id, email: user.email, role: user.role });
    return { accessToken, expiresIn: this.env.AUTH_TOKEN_TTL_MINUTES * 60 };
  }
}
