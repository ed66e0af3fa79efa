/**
 * Redis connections of `deepnets sweep`: `redis://[user[:password]@]host[:port][/db]` or
 * `rediss://...` (TLS; Node's CAs, plus NODE_EXTRA_CA_CERTS for a private one). A password not in
 * the URL comes from DEEPNETS_REDIS_PASSWORD. Passwords are never printed: every message goes
 * through `redact`. `checkRedis` fails within about `timeoutMs` with a one-line error when the
 * server is unreachable or refuses the credentials, instead of retrying forever.
 */
import { Redis, type RedisOptions } from 'ioredis';

export const PASSWORD_ENV = 'DEEPNETS_REDIS_PASSWORD';

/** A queue or store failure with a stable code (`REDIS_URL`, `REDIS_UNREACHABLE`, `REDIS_AUTH`). */
export class SweepQueueError extends Error {
  readonly code: 'REDIS_URL' | 'REDIS_UNREACHABLE' | 'REDIS_AUTH';
  constructor(code: SweepQueueError['code'], message: string) {
    super(message);
    this.name = 'SweepQueueError';
    this.code = code;
  }
}

export interface RedisTarget {
  /** The URL with the password replaced by `***`: the only form ever shown. */
  shown: string;
  options: RedisOptions;
  /** Secrets to scrub from any message (the password). */
  secrets: string[];
}

/** Parses `url` into ioredis options (see the file comment). */
export function redisTarget(url: string, env: NodeJS.ProcessEnv = process.env): RedisTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SweepQueueError(
      'REDIS_URL',
      `--queue must be a redis:// or rediss:// URL, got "${redactText(url, [])}"`,
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new SweepQueueError(
      'REDIS_URL',
      `--queue must start with redis:// or rediss://, got ${parsed.protocol}//`,
    );
  const password = parsed.password ? decodeURIComponent(parsed.password) : env[PASSWORD_ENV] || undefined;
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0)
    throw new SweepQueueError(
      'REDIS_URL',
      `the database in --queue must be a number, got "${parsed.pathname.slice(1)}"`,
    );
  const shownUrl = new URL(parsed.href);
  if (shownUrl.password) shownUrl.password = '***';
  return {
    shown: shownUrl.href.replace(/\/$/, ''),
    secrets: password ? [password, encodeURIComponent(password)] : [],
    options: {
      host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
      port: parsed.port ? Number(parsed.port) : 6379,
      db,
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(password ? { password } : {}),
      ...(parsed.protocol === 'rediss:' ? { tls: { servername: parsed.hostname } } : {}),
      connectTimeout: 3000,
      // ioredis keeps the process alive this long after a disconnect (2 s by default).
      disconnectTimeout: 100,
    },
  };
}

/** `text` with every secret (and any password in a redis URL) replaced by `***`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text.replace(/(rediss?:\/\/[^:@/\s]*:)[^@\s]*@/g, '$1***@');
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}

/** The message of `error` as one redacted line of at most 300 characters. */
export function redactError(error: unknown, target: RedisTarget): string {
  const message = error instanceof Error ? error.message : String(error);
  return redactText(message, target.secrets)
    .replace(/\s*\n\s*/g, ' ')
    .slice(0, 300);
}

/**
 * Connects once (no retries, `timeoutMs` in all) and sends PING; rejects with a one-line
 * `SweepQueueError` naming the redacted URL when the server cannot be reached or refuses the login.
 */
export async function checkRedis(target: RedisTarget, timeoutMs = 5000): Promise<void> {
  const client = new Redis({
    ...target.options,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectTimeout: Math.min(timeoutMs, 3000),
  });
  let lastError: unknown;
  client.on('error', (e) => {
    lastError = e;
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.connect().then(() => client.ping()), timeout]);
  } catch (error) {
    const message = redactError(lastError ?? error, target);
    const auth = /WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(message);
    throw new SweepQueueError(
      auth ? 'REDIS_AUTH' : 'REDIS_UNREACHABLE',
      auth
        ? `Redis at ${target.shown} refused the login (${message}); check the password in the URL or ${PASSWORD_ENV}`
        : `cannot reach Redis at ${target.shown}: ${message}`,
    );
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
