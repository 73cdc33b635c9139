import { SetMetadata } from '@nestjs/common';

/** Which configured limit a route counts against: INTAKE_RATE_LIMIT or LOGIN_RATE_LIMIT, per client address. */
export type LimitName = 'intake' | 'login';

export const RATE_LIMIT_KEY = 'rateLimit';
export const RateLimit = (name: LimitName) => SetMetadata(RATE_LIMIT_KEY, name);
