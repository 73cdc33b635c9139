import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { Environment } from '../config/environment.js';

/**
 * Structured logs with no personal data: request bodies are never logged, query strings are cut from URLs
 * (a search may hold a name), and credentials are redacted.
 */
export function loggerParams(env: Environment): Params {
  return {
    pinoHttp: {
      level: env.LOG_LEVEL,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.email', '*.name', '*.phone', '*.postalAddress', '*.password'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: IncomingMessage & { id?: string; raw?: IncomingMessage }) => ({
          id: req.id,
          method: req.method,
          url: (req.url ?? '').split('?')[0],
          remoteAddress: req.socket?.remoteAddress,
        }),
      },
      autoLogging: { ignore: (req) => req.url === '/health' || (req.url ?? '').startsWith('/govuk/') || (req.url ?? '').startsWith('/assets/') },
    },
  };
}
