import { SetMetadata } from '@nestjs/common';
import type { Role } from '../users/user.entity.js';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';

/** Roles allowed on a route. Admins are allowed everywhere. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without signing in. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
