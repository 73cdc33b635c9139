import { Logger as NestLogger, ValidationPipe, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppModule, type ProcessRoles } from './app.module.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { ErrorResponseDto, finishOpenApiDocument } from './common/openapi.js';
import { ConfigurationError, type Environment } from './config/environment.js';
import { ServiceUnavailableError } from './database/prepare-database.js';
import { UsersService } from './users/users.service.js';
import { VirusScanner } from './evidence/virus-scanner.service.js';
import { setUpWeb, startDraining } from './web/http-setup.js';
import { DRAIN_MESSAGE, SHUTDOWN_GRACE_MS } from './shutdown.js';

/** Room for a 20,000-character complaint in four-byte characters, and little more. */
const BODY_LIMIT = 128 * 1024;

export { checkRedis, prepareServices } from './database/prepare-services.js';

/** The HTTP application: JSON API, web pages, health, OpenAPI; with `roles.worker` the workers run in it too. */
export async function createHttpApp(env: Environment, roles: ProcessRoles = { api: true, worker: false }): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    trustProxy: env.TRUST_PROXY,
    genReqId: () => randomUUID(),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env, roles), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new AllExceptionsFilter());
  await setUpWeb(app, env);

  const openApi = new DocumentBuilder()
    .setTitle('pcc-triage')
    .setDescription('Complaints about a Police and Crime Commissioner: intake, triage, case work and audit. Each operation says who may call it (also as `x-roles`); every error is JSON `{ statusCode, message: [...], error }`.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = () => finishOpenApiDocument(SwaggerModule.createDocument(app, openApi, { extraModels: [ErrorResponseDto] }));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  await app.init();
  await app.get(UsersService).ensureFirstAdmin(env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
  return app;
}

/** Workers only, without HTTP. */
export async function createWorkerApp(env: Environment) {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(env, { api: false, worker: true }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  return app;
}

/**
 * On SIGTERM or SIGINT: stop taking requests, let in-flight requests and jobs finish (app.close runs every
 * shutdown hook), then exit 0. A second signal, or the grace period running out, exits at once.
 * In a cluster's API process the primary also asks for a drain by message ('drain'): that one only starts the drain
 * (Ctrl-C reaches every process of the group, and the primary passes it on, so it may come twice).
 */
export function closeOnSignals(app: INestApplicationContext | NestFastifyApplication): void {
  let closing = false;
  const drain = (why: string) => {
    closing = true;
    new NestLogger('Shutdown').log(`${why}: draining in-flight work`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    if ('getHttpAdapter' in app) startDraining(app);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) process.exit(1);
      drain(signal);
    });
  }
  process.on('message', (message) => {
    if (message === DRAIN_MESSAGE && !closing) drain('asked by the cluster primary');
  });
}

/**
 * Evidence needs clamd, but the service runs without it: one line says so, and uploads wait in quarantine as pending
 * until it answers (workers scan them then). Nothing is accepted unscanned.
 */
export async function reportVirusScanner(app: INestApplicationContext, env: Environment): Promise<void> {
  if (await app.get(VirusScanner, { strict: false }).available()) return;
  console.warn(`pcc-triage: ClamAV's clamd is not answering at ${env.CLAMAV_URL} (CLAMAV_URL): evidence uploads are kept in quarantine as pending and scanned when it answers. Install and start clamav-daemon, or see the README.`);
}

/** Start-up problems a person can fix get one line, not a stack trace. */
export function exitOnStartupError(error: unknown): never {
  const known = error instanceof ServiceUnavailableError || error instanceof ConfigurationError;
  const logger = new NestLogger('Startup');
  if (known) console.error(`pcc-triage cannot start: ${(error as Error).message}`);
  else logger.error((error as Error)?.stack ?? String(error));
  process.exit(1);
}
