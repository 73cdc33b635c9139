import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Environment } from '../config/environment.js';
import { RATE_LIMIT_KEY, type LimitName } from './rate-limit.decorator.js';
import { RateLimitService } from './rate-limit.service.js';
import { TooManyRequestsError } from './too-many-requests.error.js';

/** Applies the route's @RateLimit per client address (the proxy's X-Forwarded-For when TRUST_PROXY is set). */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
    private readonly env: Environment,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.getAllAndOverride<LimitName | undefined>(RATE_LIMIT_KEY, [context.getHandler(), context.getClass()]);
    if (!name) return true;
    const limit = name === 'intake' ? this.env.INTAKE_RATE_LIMIT : this.env.LOGIN_RATE_LIMIT;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const decision = await this.limits.hit(`${name}:${request.ip}`, limit);
    if (!decision.allowed) throw new TooManyRequestsError(decision.retryAfter, name === 'intake' ? 'submissions' : 'sign-in attempts');
    return true;
  }
}
