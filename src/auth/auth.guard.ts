import { Injectable, UnauthorizedException, ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../users/user.entity.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import { bearerToken, sessionToken } from './request-credentials.js';
import { TokenService } from './token.service.js';

/** Every route needs a signed-in member of staff unless marked @Public(); @Roles narrows who. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(request) ?? sessionToken(request);
    const staff = token ? await this.tokens.verify(token) : null;
    if (!staff) throw new UnauthorizedException('Sign in to use this');
    request.staff = staff;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && staff.role !== 'admin' && !roles.includes(staff.role)) {
      throw new ForbiddenException(`This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}
