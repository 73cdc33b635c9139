import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { Environment } from '../config/environment.js';

const require = createRequire(import.meta.url);
const govukDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
const views = fileURLToPath(new URL('./views', import.meta.url));
const publicFiles = fileURLToPath(new URL('./public', import.meta.url));

/** The one inline script of the GOV.UK template, allowed by its hash rather than by 'unsafe-inline'. */
function govukInlineScriptHash(): string {
  const template = readFileSync(join(govukDist, 'govuk/template.njk'), 'utf8');
  const script = template.match(/<script[^>]*>([^<]*)<\/script>/)?.[1] ?? '';
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

const londonDate = (iso: string | Date) => DateTime.fromJSDate(new Date(iso), { zone: 'Europe/London' }).toFormat('d LLLL yyyy');
const londonDateTime = (iso: string | Date) => DateTime.fromJSDate(new Date(iso), { zone: 'Europe/London' }).toFormat("d LLLL yyyy 'at' HH:mm");

/** Only form posts to pages need a CSRF token; the JSON API uses bearer tokens, which a browser never sends on its own. */
const needsCsrf = (request: FastifyRequest) =>
  request.method === 'POST' && !request.url.startsWith('/api/') && !(request.headers['content-type'] ?? '').startsWith('application/json');

const draining = new WeakSet<object>();

/**
 * Graceful shutdown over keep-alive: from now on every response asks the client to close its connection, and idle
 * connections are closed at once, so the server can stop as soon as the requests in flight have their answers.
 */
export function startDraining(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  draining.add(fastify);
  fastify.server.closeIdleConnections();
}

/** Cookies, CSRF, security headers, templates and static assets for the server-rendered pages. */
export async function setUpWeb(app: NestFastifyApplication, env: Environment): Promise<void> {
  await app.register(fastifyCookie, { secret: env.AUTH_SECRET });
  await app.register(fastifyCsrf, {
    cookieKey: 'pcc_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', signed: true, secure: 'auto' },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", govukInlineScriptHash()],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: env.TRUST_PROXY ? [] : null,
      },
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (_request, reply) => {
    if (draining.has(fastify)) reply.header('connection', 'close');
  });
  fastify.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (needsCsrf(request)) fastify.csrfProtection(request, reply, done);
    else done();
  });

  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [views, govukDist],
    options: {
      onConfigure: (environment: nunjucks.Environment) => {
        environment.addFilter('londonDate', londonDate);
        environment.addFilter('londonDateTime', londonDateTime);
      },
    },
  });
  // Registered directly rather than through app.useStaticAssets, which loads the plugin with require().
  await app.register(fastifyStatic, { root: join(govukDist, 'govuk'), prefix: '/govuk/', decorateReply: false, maxAge: '1d' });
  await app.register(fastifyStatic, { root: join(govukDist, 'govuk/assets'), prefix: '/assets/', decorateReply: false, maxAge: '7d' });
  await app.register(fastifyStatic, { root: publicFiles, prefix: '/static/', decorateReply: false });
}
