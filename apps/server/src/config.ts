import path from 'node:path';
import { z } from 'zod';
import { passwordProblem } from './features/auth/password-policy.js';

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
  // The password policy (features/auth/password-policy.ts) is applied beside the schema, with the e-mail.
  RAPPORT_ADMIN_PASSWORD: optionalText,
  RAPPORT_ADMIN_NAME: z.string().min(1).max(200).default('Administrator'),
  RAPPORT_ORIGINS: optionalText.describe('comma-separated origins allowed to send cookie-signed writes'),
  RAPPORT_TRUST_PROXY: z
    .enum(['false', 'true'])
    .default('false')
    .describe('true behind a reverse proxy: client addresses come from X-Forwarded-For'),
  RAPPORT_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  RAPPORT_SECURE_COOKIES: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .describe('auto: Secure exactly when served over https; true/false force it'),
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
  /**
   * Origins whose cookie-signed writes are accepted: RAPPORT_PUBLIC_URL's origin, RAPPORT_ORIGINS, and — only
   * while RAPPORT_PUBLIC_URL is the default on a loopback HOST — the localhost/127.0.0.1/[::1] equivalents.
   */
  origins: string[];
  trustProxy: boolean;
  sessionDays: number;
  /** 'auto': cookies are Secure exactly when Rapport is served over https (http/transport-security.ts). */
  secureCookies: 'auto' | boolean;
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

type Env = z.infer<typeof ConfigSchema>;

/** An IPv6 HOST is written in brackets in a URL. */
const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);
const publicUrlOf = (e: Env) =>
  (e.RAPPORT_PUBLIC_URL ?? `http://${urlHost(e.HOST)}:${e.PORT}`).replace(/\/+$/, '');
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

/**
 * The Origin check never trusts the request's own Host header (a forged Host would vouch for itself): the
 * allowed origins are where Rapport is published and the ones the operator names. `npm start` keeps working
 * on http://localhost:3000 and http://127.0.0.1:3000 because, with the default public URL on a loopback
 * HOST, the loopback spellings of that same port are the same server.
 */
function allowedOrigins(e: Env, problems: string[]): string[] {
  const allowed = new Set([new URL(publicUrlOf(e)).origin]);
  for (const text of (e.RAPPORT_ORIGINS ?? '').split(',').map((origin) => origin.trim())) {
    if (!text) continue;
    try {
      const url = new URL(text);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
      allowed.add(url.origin);
    } catch {
      problems.push(`RAPPORT_ORIGINS: ${text} is not an origin such as https://rapport.example.com`);
    }
  }
  if (!e.RAPPORT_PUBLIC_URL && LOOPBACK_HOSTS.includes(e.HOST.toLowerCase())) {
    for (const host of LOOPBACK_HOSTS) allowed.add(new URL(`http://${urlHost(host)}:${e.PORT}`).origin);
  }
  return [...allowed];
}

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
  const adminPassword = parsed.data?.RAPPORT_ADMIN_PASSWORD;
  if (adminPassword) {
    const problem = passwordProblem(adminPassword, [
      env.RAPPORT_ADMIN_EMAIL ?? '',
      env.RAPPORT_ADMIN_NAME ?? '',
    ]);
    if (problem) problems.push(`RAPPORT_ADMIN_PASSWORD: ${problem}`);
  }
  const origins = parsed.success ? allowedOrigins(parsed.data, problems) : [];
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
    origins,
    trustProxy: e.RAPPORT_TRUST_PROXY === 'true',
    sessionDays: e.RAPPORT_SESSION_DAYS,
    secureCookies: e.RAPPORT_SECURE_COOKIES === 'auto' ? 'auto' : e.RAPPORT_SECURE_COOKIES === 'true',
    signInLimitPerMinute: e.RAPPORT_SIGNIN_LIMIT,
    webDist: e.RAPPORT_WEB_DIST ?? path.resolve(serverRoot, '..', 'web', 'dist'),
    publicUrl: publicUrlOf(e),
    logLevel: e.LOG_LEVEL,
    metricsToken: e.RAPPORT_METRICS_TOKEN ?? null,
    slowQueryMs: e.RAPPORT_SLOW_QUERY_MS,
    webhooksAllowPrivate: e.RAPPORT_WEBHOOKS_ALLOW_PRIVATE === 'true',
    jobs: e.RAPPORT_JOBS === 'on',
    smtpUrl: e.RAPPORT_SMTP_URL ?? null,
    mailFrom: e.RAPPORT_MAIL_FROM,
  });
}
