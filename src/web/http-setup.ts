import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import { BadRequestException, ForbiddenException } from '@nestjs/common';
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
import { csrfBinding } from '../auth/request-credentials.js';
import { Translations } from '../i18n/translations.js';
import { choosePageLanguage } from './page-language.js';
import { crossSiteRefusal, needsCsrfToken } from './request-forgery.js';
import { actorName, LABELS, plural } from './staff-labels.js';
import { securityHeaders } from './security-headers.js';
import { parseFormBody, parseJsonBody } from './strict-body-parsers.js';

/** nunjucks' runtime helper that keeps a SafeString safe (missing from @types/nunjucks). */
const { copySafeness } = nunjucks.runtime as unknown as { copySafeness(source: unknown, text: string): unknown };

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
/** A calendar date (YYYY-MM-DD) in the one style the pages use: 24 December 2026. */
const calendarDate = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') ? DateTime.fromISO(date).toFormat('d LLLL yyyy') : date);

/** Static files set their own caching; everything else may carry personal data, so no browser or proxy keeps it. */
const STATIC_PREFIXES = ['/govuk/', '/assets/', '/static/'];
const isStatic = (request: FastifyRequest) => STATIC_PREFIXES.some((prefix) => request.url.startsWith(prefix));

/** A page (not the API, not a static file): it gets a CSRF token for its forms, the sign-out form included. */
const isPage = (request: FastifyRequest) => !request.url.startsWith('/api/') && !isStatic(request);

declare module 'fastify' {
  interface FastifyReply {
    /** Merged by @fastify/view into every template's data (its own types leave it out). */
    locals: Record<string, unknown> | null;
  }
}

/** A file posted with a form; `truncated` when it was larger than the route's limit (only the start is kept). */
export interface FormFile {
  filename: string;
  mimetype: string;
  content: Buffer;
  truncated: boolean;
}

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
  const fastify = app.getHttpAdapter().getInstance();
  const bodyLimit = fastify.initialConfig.bodyLimit;
  app.useBodyParser('application/json', { bodyLimit }, async (_request: FastifyRequest, body: Buffer) => parseJsonBody(body));
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, async (_request: FastifyRequest, body: Buffer) => parseFormBody(body));
  await app.register(fastifyCookie, { secret: env.AUTH_SECRET });
  await app.register(fastifyCsrf, {
    cookieKey: 'pcc_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', signed: true, secure: 'auto' },
    getUserInfo: csrfBinding,
    csrfOpts: { hmacKey: env.AUTH_SECRET },
  });
  const security = securityHeaders({
    // Not helmet's no-referrer: under it Chromium sends `Origin: null` with our own form posts, which the cross-site
    // check could not tell from a sandboxed attacker's. same-origin still sends nothing to other sites.
    referrerPolicy: { policy: 'same-origin' },
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
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(security);
    done();
  });
  // Forms that carry a file: fields become body values (so the CSRF check reads `_csrf` as from any form) and each
  // file a FormFile read into memory up to its limit. A route sets its own limits in `multipartOptions`.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { files: 1, fileSize: 64 * 1024, fields: 20, fieldSize: 64 * 1024, parts: 25 },
    onFile: async (part: MultipartFile) => {
      const content = await part.toBuffer();
      (part as MultipartFile & { value: FormFile }).value = { filename: part.filename, mimetype: part.mimetype, content, truncated: part.file.truncated };
    },
  });
  // Busboy decodes multipart fields as UTF-8 and turns bad bytes into U+FFFD; refuse them as the other parsers do.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const replaced = request.isMultipart() && Object.values((request.body ?? {}) as Record<string, unknown>).some((v) => (Array.isArray(v) ? v : [v]).some((x) => typeof x === 'string' && x.includes('\uFFFD')));
    done(replaced ? new BadRequestException('The form contains characters that are not valid UTF-8 text') : undefined);
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (draining.has(fastify)) reply.header('connection', 'close');
    if (!isStatic(request) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  fastify.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    const refusal = crossSiteRefusal(request);
    if (refusal) {
      request.log.warn({ refusal }, 'cross-site request with the staff session cookie refused');
      done(new ForbiddenException('This request came from another site, so it was refused. Use the service’s own pages.'));
      return;
    }
    const withToken = () => {
      if (isPage(request)) reply.locals = { ...reply.locals, csrfToken: reply.generateCsrf({ userInfo: csrfBinding(request) }) };
      done();
    };
    if (needsCsrfToken(request)) fastify.csrfProtection(request, reply, withToken);
    else withToken();
  });

  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [views, govukDist],
    options: {
      onConfigure: (environment: nunjucks.Environment) => {
        environment.addFilter('londonDate', londonDate);
        environment.addFilter('londonDateTime', londonDateTime);
        environment.addFilter('calendarDate', calendarDate);
        environment.addFilter('plural', (n: number, one: string, many?: string) => plural(n, one, many));
        environment.addFilter('actorName', actorName);
        environment.addGlobal('labels', LABELS);
        // The same result as nunjucks' own trim (JavaScript's \s is trim()'s whitespace), without its /^\s*|\s*$/g, which
        // tries the pattern at every character of the page: it was the largest cost of rendering the statistics page.
        environment.addFilter('trim', (value: unknown) => copySafeness(value, String(value ?? '').trim()));
      },
    },
  });
  // After @fastify/view, whose own onRequest hook starts every reply's locals afresh.
  const translations = app.get(Translations);
  // The API answers JSON in English whatever the language (a complaint's own language comes from its body or the
  // request's Accept-Language, read by the controller), so only pages pay for choosing one.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (isPage(request)) choosePageLanguage(translations, request, reply);
    done();
  });
  // Registered directly rather than through app.useStaticAssets, which loads the plugin with require().
  await app.register(fastifyStatic, { root: join(govukDist, 'govuk'), prefix: '/govuk/', decorateReply: false, maxAge: '1d' });
  await app.register(fastifyStatic, { root: join(govukDist, 'govuk/assets'), prefix: '/assets/', decorateReply: false, maxAge: '7d' });
  await app.register(fastifyStatic, { root: publicFiles, prefix: '/static/', decorateReply: false });
}
