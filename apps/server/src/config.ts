import path from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: optionalText.refine(
    (url) => url === undefined || /^(sqlite:|file:|postgres(ql)?:\/\/)/.test(url),
    'must start with sqlite:, file: or postgres://',
  ),
  RAPPORT_ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
  RAPPORT_ADMIN_PASSWORD: optionalText.pipe(z.string().min(10, 'at least 10 characters').optional()),
  RAPPORT_ADMIN_NAME: z.string().min(1).max(200).default('Administrator'),
  RAPPORT_ORIGINS: optionalText.describe('comma-separated origins allowed to send cookie-signed writes'),
  RAPPORT_TRUST_PROXY: z
    .enum(['false', 'true'])
    .default('false')
    .describe('true behind a reverse proxy: client addresses come from X-Forwarded-For'),
  RAPPORT_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  RAPPORT_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  RAPPORT_SIGNIN_LIMIT: z.coerce.number().int().min(1).default(10),
  RAPPORT_WEB_DIST: optionalText,
  RAPPORT_PUBLIC_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://rapport.example.com' })
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RAPPORT_METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'at least 16 characters').optional()),
  RAPPORT_SLOW_QUERY_MS: z.coerce.number().int().min(0).default(500),
  RAPPORT_WEBHOOKS_ALLOW_PRIVATE: z
    .enum(['false', 'true'])
    .default('false')
    .describe('true lets webhooks point at loopback and private addresses'),
  RAPPORT_JOBS: z.enum(['on', 'off']).default('on').describe('off: this instance runs no background jobs'),
  RAPPORT_SMTP_URL: optionalText.pipe(
    z
      .url({ protocol: /^smtps?$/, message: 'must be an SMTP URL such as smtp://user:pass@host:587' })
      .optional(),
  ),
  RAPPORT_MAIL_FROM: z.string().min(3).max(320).default('Rapport <rapport@localhost>'),
});

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string;
  admin: { email: string; password: string; name: string } | null;
  origins: string[];
  trustProxy: boolean;
  sessionDays: number;
  secureCookies: boolean;
  signInLimitPerMinute: number;
  webDist: string;
  /** Where people outside reach Rapport: survey links are built on it. */
  publicUrl: string;
  logLevel: string;
  /** Bearer token for GET /metrics; null keeps /metrics off (404). */
  metricsToken: string | null;
  slowQueryMs: number;
  /** Webhook targets on loopback or private addresses are refused unless this is true. */
  webhooksAllowPrivate: boolean;
  /** Run background jobs (e-mail, scans, deliveries) in this instance. */
  jobs: boolean;
  /** SMTP server for notification e-mails; null sends none (in-app notifications only). */
  smtpUrl: string | null;
  mailFrom: string;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Rapport's configuration has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
}

const serverRoot = path.resolve(import.meta.dirname, '..');

/** The only reader of the environment: every problem is listed at once, then the result is frozen. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  // Checked beside the schema, not inside it, so it is reported together with every other problem.
  if (Boolean(env.RAPPORT_ADMIN_EMAIL) !== Boolean(env.RAPPORT_ADMIN_PASSWORD)) {
    problems.push(
      'RAPPORT_ADMIN_PASSWORD: RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD are set together or not at all',
    );
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.resolve('data', 'rapport.db')}`,
    admin:
      e.RAPPORT_ADMIN_EMAIL && e.RAPPORT_ADMIN_PASSWORD
        ? {
            email: e.RAPPORT_ADMIN_EMAIL.toLowerCase(),
            password: e.RAPPORT_ADMIN_PASSWORD,
            name: e.RAPPORT_ADMIN_NAME,
          }
        : null,
    origins: (e.RAPPORT_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
    trustProxy: e.RAPPORT_TRUST_PROXY === 'true',
    sessionDays: e.RAPPORT_SESSION_DAYS,
    secureCookies: e.RAPPORT_SECURE_COOKIES === 'true',
    signInLimitPerMinute: e.RAPPORT_SIGNIN_LIMIT,
    webDist: e.RAPPORT_WEB_DIST ?? path.resolve(serverRoot, '..', 'web', 'dist'),
    publicUrl: (e.RAPPORT_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    metricsToken: e.RAPPORT_METRICS_TOKEN ?? null,
    slowQueryMs: e.RAPPORT_SLOW_QUERY_MS,
    webhooksAllowPrivate: e.RAPPORT_WEBHOOKS_ALLOW_PRIVATE === 'true',
    jobs: e.RAPPORT_JOBS === 'on',
    smtpUrl: e.RAPPORT_SMTP_URL ?? null,
    mailFrom: e.RAPPORT_MAIL_FROM,
  });
}
