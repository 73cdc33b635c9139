import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../users/user.entity.js';

export interface StaffUser {
  id: string;
  email: string;
  role: Role;
  /** The server-side session the request was authenticated by. */
  sessionId: string;
}

/** What a token says: whose it is and which session; everything else is read from the database. */
export interface TokenClaims {
  sub: string;
  sid: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffUser;
  }
}

/** The signed-in member of staff, set by the auth guard. */
export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<import('fastify').FastifyRequest>().staff;
});

export const actorOf = (staff: StaffUser) => `user:${staff.id}` as const;
