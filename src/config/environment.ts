import { plainToInstance, Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { parsePrivateKey, parsePublicKeys } from '../audit/signing-keys.js';

const DEVELOPMENT_AUTH_SECRET = 'development-only-secret-do-not-use-in-production';
const DEVELOPMENT_ADMIN_PASSWORD = 'change-me-admin-password';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => value === true || value === 'true' || value === '1';

/** Every setting the system reads. Nothing else in the code reads process.env. */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/pcc_triage';

  /** Postgres connections one process may open; a cluster's API processes share this many between them. */
  @Transform(toInt) @IsInt() @Min(2) @Max(500)
  DATABASE_POOL_SIZE = 20;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ and rate-limit key, so several deployments (or test runs) can share one Redis. */
  @Matches(/^[a-z0-9_-]+$/i, { message: 'QUEUE_PREFIX may hold only letters, digits, - and _' })
  QUEUE_PREFIX = 'pcc';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL = 'admin@example.org';

  @IsString() @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD = DEVELOPMENT_ADMIN_PASSWORD;

  @IsString() @MinLength(32, { message: 'AUTH_SECRET must be at least 32 characters' })
  AUTH_SECRET = DEVELOPMENT_AUTH_SECRET;

  /** Lifetime of a bearer token and of a staff session, in minutes. */
  @Transform(toInt) @IsInt() @Min(1)
  AUTH_TOKEN_TTL_MINUTES = 480;

  /** Submissions a minute from one client address; 0 turns the limit off. */
  @Transform(toInt) @IsInt() @Min(0)
  INTAKE_RATE_LIMIT = 20;

  /** Login attempts a minute from one client address; 0 turns the limit off. */
  @Transform(toInt) @IsInt() @Min(0)
  LOGIN_RATE_LIMIT = 10;

  /** Set behind a TLS-terminating proxy: trusts X-Forwarded-* and marks cookies Secure. */
  @Transform(toBool)
  TRUST_PROXY = false;

  @Transform(toInt) @IsInt() @Min(1) @Max(256)
  WORKER_CONCURRENCY = 16;

  /**
   * HTTP processes `npm start` and `npm run start:api` run (node:cluster, one port); 0 = half the cores the machine
   * makes available, at least one (see apiProcessCount). 1 runs the API in the starting process itself, without a
   * cluster.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(64)
  API_PROCESSES = 0;

  /**
   * How long a worker holds a job before another may take it as stalled (a killed worker's jobs run again after
   * this). Steps take milliseconds, so the default leaves ample room.
   */
  @Transform(toInt) @IsInt() @Min(1000)
  WORKER_LOCK_MS = 30_000;

  /** Seconds a complaint may wait untriaged before the sweeper queues it again (after Redis lost its jobs). */
  @Transform(toInt) @IsInt() @Min(1)
  TRIAGE_SWEEP_SECONDS = 60;

  /**
   * Most complaints one triage job carries (one step for each). The relay queues whatever is waiting, so at low load
   * a batch is one complaint and nothing waits to fill it.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  TRIAGE_BATCH_SIZE = 100;

  /**
   * Most complaints one acknowledgement job carries: their letters are made in one transaction. Like triage's, a batch
   * is whatever is waiting, so at low load it is one complaint.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  LETTERS_BATCH_SIZE = 100;

  /**
   * How long the outbox relay waits, once woken, for more complaints to queue with the first: at a steady 100 a
   * second, 50 ms makes batches of about five instead of one, and each batch costs nine triage jobs and their
   * statements whatever its size. 0: each wake relays at once.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(1000)
  OUTBOX_GATHER_MS = 50;

  /**
   * Worker threads that run the analysis and the rules, off the event loop that serves requests and talks to
   * Postgres and Redis. Unset: one fewer than the cores (at least one), which leaves a core to the event loop and
   * Postgres, and on a small machine keeps every step of a complaint in the thread that already holds its parsed
   * analysis. 0: on the event loop itself (no threads).
   */
  @Transform(toInt) @IsOptional() @IsInt() @Min(0) @Max(64)
  TRIAGE_THREADS?: number;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt) @IsInt() @Min(1)
  ACKNOWLEDGEMENT_WORKING_DAYS = 5;

  @Transform(toInt) @IsInt() @Min(1)
  RECORDING_DECISION_WORKING_DAYS = 10;

  @Transform(toInt) @IsInt() @Min(1)
  INFORMAL_RESOLUTION_WORKING_DAYS = 40;

  /** Working days before a due date at which a deadline is marked "due soon". */
  @Transform(toInt) @IsInt() @Min(0)
  DUE_SOON_WORKING_DAYS = 2;

  /** smtp://user:pass@host:port; letters are stored but not emailed when unset. */
  @IsOptional() @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsEmail({}, { message: 'MAIL_FROM must be an email address' })
  MAIL_FROM = 'complaints@police-and-crime-panel.example';

  /**
   * Minutes between automatic checks of the case-log hash chain, each followed by a signed checkpoint of the head it
   * found good; 0 turns them off. Fractions are allowed (0.05 is every 3 seconds, for tests).
   */
  @Transform(toInt) @IsNumber({}, { message: 'AUDIT_VERIFY_INTERVAL_MINUTES must be a number' }) @Min(0)
  AUDIT_VERIFY_INTERVAL_MINUTES = 60;

  /** Retention: a closed or withdrawn case's personal data is erased this many months after it was closed. */
  @Transform(toInt) @IsInt({ message: 'RETENTION_MONTHS_AFTER_CLOSURE must be a whole number of months' }) @Min(0)
  RETENTION_MONTHS_AFTER_CLOSURE = 12;

  /**
   * And not before this many months after the office holder it is about leaves office (an admin records the date);
   * "off" leaves the closure rule alone. While no term end is recorded for the role, its cases are kept.
   */
  @Transform(({ value }: { value: unknown }) => (value === 'off' ? null : value === undefined || value === '' ? undefined : Number(value)))
  @IsOptional() @IsInt({ message: 'RETENTION_MONTHS_AFTER_TERM_END must be a whole number of months, or off' }) @Min(0)
  RETENTION_MONTHS_AFTER_TERM_END: number | null = 12;

  /** Hours between runs of the retention job in worker processes (one worker a period); 0 = off; fractions allowed. */
  @Transform(toInt) @IsNumber({}, { message: 'RETENTION_INTERVAL_HOURS must be a number' }) @Min(0)
  RETENTION_INTERVAL_HOURS = 24;

  /** Seconds between worker refreshes of the statistics' summary (requests bring it up to date anyway); 0 = off. */
  @Transform(toInt) @IsInt() @Min(0)
  STATS_REFRESH_SECONDS = 30;

  /** The Ed25519 key that signs checkpoints of the case log: PEM (PKCS#8) or its DER in base64. */
  @IsOptional() @IsString()
  AUDIT_SIGNING_KEY?: string;

  /** Where production keeps a signing key it made itself when AUDIT_SIGNING_KEY is unset (never in the database). */
  @IsString() @MinLength(1)
  AUDIT_SIGNING_KEY_FILE = '.audit-signing-key.pem';

  /** Public keys of earlier signing keys (PEM or base64 DER), separated by commas or new lines: old checkpoints still verify. */
  @IsOptional() @IsString()
  AUDIT_PREVIOUS_PUBLIC_KEYS?: string;

  /** The first line of every checkpoint: names this deployment's case log (no spaces, no +). */
  @Matches(/^[^\s+]{1,200}$/, { message: 'AUDIT_CHECKPOINT_ORIGIN must be a name without spaces or +, such as panel.example.gov.uk/case-log' })
  AUDIT_CHECKPOINT_ORIGIN = 'pcc-triage.example/case-log';

  /** A directory, outside the database administrator's control, where workers write every checkpoint as a file. */
  @IsOptional() @IsString()
  AUDIT_CHECKPOINT_DIR?: string;

  /** Where workers email every checkpoint (through SMTP_URL). */
  @IsOptional() @IsEmail({}, { message: 'AUDIT_CHECKPOINT_EMAIL must be an email address' })
  AUDIT_CHECKPOINT_EMAIL?: string;

  /** ClamAV's daemon, which scans every uploaded file: tcp://host:port or unix:///path/to/socket. */
  @Matches(/^(tcp:\/\/[^\s/:]+(:\d{1,5})?\/?|unix:\/\/\/\S+)$/, { message: 'CLAMAV_URL must be tcp://host:port or unix:///path/to/socket' })
  CLAMAV_URL = 'tcp://127.0.0.1:3310';

  /** Seconds between worker looks for evidence waiting in quarantine because clamd was down. */
  @Transform(toInt) @IsInt() @Min(1)
  EVIDENCE_RESCAN_SECONDS = 30;

  /** Seconds before a failed checkpoint delivery is tried again; doubles with each failure, up to an hour. */
  @Transform(toInt) @IsInt() @Min(1)
  AUDIT_CHECKPOINT_RETRY_SECONDS = 60;
}

export class ConfigurationError extends Error {}

function keyProblems(env: Environment): string[] {
  const problems: string[] = [];
  const check = (name: string, parse: () => unknown) => {
    try {
      parse();
    } catch (error) {
      problems.push(`${name} ${(error as Error).message}`);
    }
  };
  if (env.AUDIT_SIGNING_KEY) check('AUDIT_SIGNING_KEY', () => parsePrivateKey(env.AUDIT_SIGNING_KEY!));
  if (env.AUDIT_PREVIOUS_PUBLIC_KEYS) check('AUDIT_PREVIOUS_PUBLIC_KEYS', () => parsePublicKeys(env.AUDIT_PREVIOUS_PUBLIC_KEYS!));
  return problems;
}

/** Validates raw variables; throws one readable error naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const problems = validateSync(env).map((e) => Object.values(e.constraints ?? {}).at(-1) ?? `${e.property} is invalid`);
  if (env.NODE_ENV === 'production') {
    if (env.AUTH_SECRET === DEVELOPMENT_AUTH_SECRET) problems.push('AUTH_SECRET must be set when NODE_ENV=production');
    if (env.ADMIN_PASSWORD === DEVELOPMENT_ADMIN_PASSWORD) problems.push('ADMIN_PASSWORD must be set when NODE_ENV=production');
  }
  problems.push(...keyProblems(env));
  if (env.AUDIT_CHECKPOINT_EMAIL && !env.SMTP_URL) problems.push('AUDIT_CHECKPOINT_EMAIL needs SMTP_URL to send through');
  if (problems.length) throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
  return env;
}

let loaded: Environment | undefined;

/** The validated environment of this process, read once. */
export function loadEnvironment(): Environment {
  loaded ??= validateEnvironment(process.env);
  return loaded;
}
