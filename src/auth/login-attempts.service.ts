import { Injectable } from '@nestjs/common';
import { RateLimitService } from '../rate-limit/rate-limit.service.js';
import { TooManyRequestsError } from '../rate-limit/too-many-requests.error.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';

const FAILURES_ALLOWED = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Failed sign-ins are counted per account *and* address: five wrong passwords from one address lock that address out
 * of that account for a quarter of an hour, while the officer signing in from elsewhere is unaffected.
 * (LOGIN_RATE_LIMIT separately caps all attempts from one address.)
 */
@Injectable()
export class LoginAttemptsService {
  constructor(
    private readonly users: UsersService,
    private readonly limits: RateLimitService,
  ) {}

  /** The user, or null for wrong credentials; throws 429 while the account is locked for this address. */
  async signIn(email: string, password: string, address: string): Promise<User | null> {
    const bucket = `login-failures:${email.trim().toLowerCase()}:${address}`;
    if ((await this.limits.peek(bucket)) >= FAILURES_ALLOWED) {
      throw new TooManyRequestsError(FAILURE_WINDOW_MS / 1000, 'failed sign-ins for this account');
    }
    const user = await this.users.authenticate(email, password);
    if (user) await this.limits.reset(bucket);
    else await this.limits.hit(bucket, FAILURES_ALLOWED, FAILURE_WINDOW_MS);
    return user;
  }
}
