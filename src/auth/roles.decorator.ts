import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ApiErrors, ROLES_EXTENSION, whoMayCall } from '../common/openapi.js';
import type { Role } from '../users/user.entity.js';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';

const EVERY_ROLE: Role[] = ['officer', 'auditor', 'admin'];

/** What the OpenAPI document says of a route the guard protects: who, and the 401 and 403 it can answer. */
const documentAccess = (roles: Role[], forbidden: string) =>
  applyDecorators(
    ApiBearerAuth(),
    ApiExtension(ROLES_EXTENSION, roles),
    ApiErrors({
      401: 'Not signed in, or the session has ended',
      403: `${forbidden}; or a change sent with a session cookie but without its CSRF token (x-csrf-token)`,
    }),
  );

/** Roles allowed on a route. Admins are allowed everywhere. */
export const Roles = (...roles: Role[]) => {
  const allowed = [...new Set<Role>([...roles, 'admin'])];
  return applyDecorators(SetMetadata(ROLES_KEY, roles), documentAccess(allowed, `Only for ${whoMayCall(allowed)}`));
};

/**
 * Any signed-in member of staff, whatever the role: the guard's rule for every route without @Roles or @Public.
 * It changes nothing for the guard; it says so in the OpenAPI document.
 */
export const SignedIn = () => documentAccess(EVERY_ROLE, 'A cross-site request');

/** A route anyone may call without signing in. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(ROLES_EXTENSION, ['anyone']));
