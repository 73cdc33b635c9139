import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TooManyRequestsError } from '../rate-limit/too-many-requests.error.js';
import { DomainError } from './domain-error.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

// 53300: Postgres has no connection slot left (too many clients): as transient as a dropped connection.
const DATABASE_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '53300', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

// TypeORM's errors when the connection under a query runner was lost mid-request.
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError', 'ConnectionIsNotSetError']);

function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string; name?: string; constructor?: { name?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return (
    (code !== undefined && DATABASE_UNAVAILABLE.has(code)) ||
    RELEASED_RUNNER.has(e?.name ?? '') ||
    RELEASED_RUNNER.has(e?.constructor?.name ?? '') ||
    /Connection terminated|connection error|timeout exceeded when trying to connect|terminating connection|Query runner already released/i.test(e?.message ?? '')
  );
}

/**
 * Pages answer with a page, whatever the browser's Accept header says; only a client that asks for JSON alone gets
 * JSON there. The API always answers JSON.
 */
function isPageRequest(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api') || request.url.startsWith('/health')) return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') || !accept.includes('application/json');
}

/** The page's translation function, set for every request before anything can fail (src/web/page-language.ts). */
type Translate = (key: string, options?: Record<string, unknown>) => string;
const pageTranslator = (reply: FastifyReply): Translate | undefined => (reply.locals as { t?: Translate } | null)?.t;

/** "3 minutes" in the page's language; the same words the form uses. */
const waitText = (t: Translate, seconds?: number) =>
  seconds === undefined ? t('wait.aMinute') : seconds > 90 ? t('wait.minutes', { count: Math.ceil(seconds / 60) }) : t('wait.seconds', { count: seconds });

/** A response body that is already a report of its own (no message to normalise). */
const isStructuredBody = (response: unknown) => typeof response === 'object' && response !== null && !('message' in response);

interface ErrorBody {
  statusCode: number;
  message: string[] | string;
  error: string;
  code?: string;
  requestId?: string;
}

/** One place that turns every error into an answer: known errors keep their status, unknown ones never leak detail. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (exception instanceof HttpException && isStructuredBody(exception.getResponse())) {
      void reply.status(exception.getStatus()).send(exception.getResponse()); // e.g. the health check's report
      return;
    }
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500 && !(exception instanceof HttpException)) {
      this.logger.error({ err: exception, requestId: request.id, route: request.routeOptions?.url }, 'request failed');
    }
    if (body.statusCode === 503) reply.header('retry-after', '5');
    if (exception instanceof TooManyRequestsError) reply.header('retry-after', String(exception.retryAfter));
    const wantsHtml = isPageRequest(request);
    if (wantsHtml && body.statusCode === 401) {
      void reply.redirect(`/login?next=${encodeURIComponent(request.url.split('?')[0])}`, 303);
      return;
    }
    if (wantsHtml) {
      const retryAfter = exception instanceof TooManyRequestsError ? exception.retryAfter : undefined;
      const t = pageTranslator(reply);
      const title = t?.(`errorPage.title.${body.statusCode}`, { defaultValue: body.error }) ?? body.error;
      void reply.status(body.statusCode).view('error.njk', { status: body.statusCode, title, requestId: request.id, wait: t && waitText(t, retryAfter) });
      return;
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: exception.status, message: [exception.message], error: STATUS_TEXT[exception.status], code: exception.code };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? [response] : ((response as { message?: string | string[] }).message ?? exception.message);
      return { statusCode: status, message: Array.isArray(message) ? message : [message], error: STATUS_TEXT[status] ?? 'Error' };
    }
    const fastifyStatus = (exception as { statusCode?: number }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { statusCode: fastifyStatus, message: [(exception as Error).message], error: STATUS_TEXT[fastifyStatus] ?? 'Error' };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: ['The service is briefly unavailable; nothing was stored. Try again shortly.'], error: STATUS_TEXT[503], requestId: String(request.id) };
    }
    return { statusCode: 500, message: ['Something went wrong. Quote the request id if you contact us.'], error: STATUS_TEXT[500], requestId: String(request.id) };
  }
}
