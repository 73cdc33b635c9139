import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiErrors } from '../common/openapi.js';

/** Which configured limit a route counts against: INTAKE_RATE_LIMIT or LOGIN_RATE_LIMIT, per client address. */
export type LimitName = 'intake' | 'login';

export const RATE_LIMIT_KEY = 'rateLimit';
const SETTING: Record<LimitName, string> = { intake: 'INTAKE_RATE_LIMIT', login: 'LOGIN_RATE_LIMIT' };

export const RateLimit = (name: LimitName) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_KEY, name),
    ApiErrors({ 429: `More than ${SETTING[name]} requests a minute from this address: wait the seconds Retry-After gives` }),
  );
