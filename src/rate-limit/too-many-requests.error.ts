import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 with the seconds to wait; the exception filter turns it into a Retry-After header. */
export class TooManyRequestsError extends HttpException {
  constructor(readonly retryAfter: number, what: string) {
    super({ statusCode: 429, message: [`Too many ${what} from your address. Try again in ${retryAfter} seconds.`], error: 'Too Many Requests' }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
