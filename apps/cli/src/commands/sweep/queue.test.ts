import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../command.ts';
import { main } from '../../main.ts';
import { PASSWORD_ENV, redactText, redisTarget } from './redis-url.ts';
import { freePort, startTestRedis, type TestRedis } from './testing/redis-server.ts';

function captured(signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: (p) => readFile(p, 'utf8'),
    writeFile: (p, t) => writeFile(p, t, 'utf8'),
    isTTY: false,
    ...(signal ? { signal } : {}),
  };
  return { io, out, err };
}

const PASSWORD = 'pa55-w0rd/with:odd@chars';
let open: TestRedis;
let locked: TestRedis;
let spec: string;

beforeAll(async () => {
  [open, locked] = await Promise.all([startTestRedis(), startTestRedis({ password: PASSWORD })]);
  const dir = await mkdtemp(join(tmpdir(), 'deepnets-sweep-q-'));
  spec = join(dir, 'spec.json');
  await writeFile(
    spec,
    JSON.stringify({
      experiment: 'train',
      dataset: 'two-moons',
      hidden: 8,
      epochs: 30,
      optimizer: 'gd',
      lr: [0.01, 1e30],
    }),
  );
}, 30_000);

afterAll(async () => {
  await Promise.all([open?.dispose(), locked?.dispose()]);
});

describe('deepnets sweep on Redis: bad input', () => {
  it('an unreachable Redis is a quick one-line error', async () => {
    const port = await freePort();
    const { io, err, out } = captured();
    const t0 = performance.now();
    expect(await main(['sweep', 'status', '--queue', `redis://127.0.0.1:${port}`, '--json'], io)).toBe(1);
    expect(performance.now() - t0).toBeLessThan(8000);
    expect(err.join('')).toMatch(
      new RegExp(
        `^deepnets sweep status: cannot reach Redis at redis://127.0.0.1:${port}: .*ECONNREFUSED.*\\n$`,
      ),
    );
    expect(out).toEqual([]);
  }, 30_000);

  it('a wrong password is a one-line error that never shows the password', async () => {
    const wrong = 'not-the-password';
    const { io, err } = captured();
    expect(
      await main(['sweep', 'run', spec, '--queue', `redis://:${wrong}@127.0.0.1:${locked.port}`], io),
    ).toBe(1);
    const text = err.join('');
    expect(text).toMatch(
      /^deepnets sweep run: Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ refused the login \(.*WRONGPASS.*\)/,
    );
    expect(text).not.toContain(wrong);
    expect(text.trim().split('\n')).toHaveLength(1);
    const missing = captured();
    expect(await main(['sweep', 'status', '--queue', locked.url], missing.io)).toBe(1);
    expect(missing.err.join('')).toMatch(/refused the login \(.*NOAUTH.*\).*DEEPNETS_REDIS_PASSWORD/);
  }, 30_000);

  it('takes the password from DEEPNETS_REDIS_PASSWORD and redacts it everywhere', async () => {
    process.env[PASSWORD_ENV] = PASSWORD;
    try {
      const { io, out, err } = captured();
      expect(await main(['sweep', 'status', '--queue', locked.url, '--json'], io)).toBe(0);
      expect(JSON.parse(out.join(''))).toMatchObject({
        counts: { queued: 0, running: 0, done: 0, failed: 0 },
      });
      expect(err.join('') + out.join('')).not.toContain(PASSWORD);
    } finally {
      delete process.env[PASSWORD_ENV];
    }
    const target = redisTarget(`rediss://user:${encodeURIComponent(PASSWORD)}@example.invalid:6380/2`);
    expect(target.shown).toBe('rediss://user:***@example.invalid:6380/2');
    expect(target.options).toMatchObject({
      port: 6380,
      db: 2,
      username: 'user',
      password: PASSWORD,
      tls: {},
    });
    expect(redactText(`failed: ${PASSWORD} at redis://u:x@h:1`, target.secrets)).toBe(
      'failed: *** at redis://u:***@h:1',
    );
    expect(() => redisTarget('http://127.0.0.1:1')).toThrow(/must start with redis:\/\/ or rediss:\/\//);
  }, 30_000);

  it.each([
    ['in Redis', 'diverge', false],
    ['in a shared directory (--store)', 'diverge-dir', true],
  ])(
    'a diverging trial is marked failed with the reason and sweep status shows it (records %s)',
    async (_where, name, useDir) => {
      const store = useDir ? ['--store', await mkdtemp(join(tmpdir(), 'deepnets-sweep-store-'))] : [];
      const queue = ['--queue', open.url, '--name', name, ...store];
      const submit = captured();
      expect(await main(['sweep', 'run', spec, ...queue, '--json'], submit.io)).toBe(0);
      expect(JSON.parse(submit.out.join(''))).toMatchObject({ enqueued: 2 });
      const stop = new AbortController();
      const worker = captured(stop.signal);
      const running = main(['sweep', 'worker', ...queue, '--lock-ms', '2000'], worker.io);
      let status:
        | { counts: Record<string, number>; trials: { status: string; reason?: string }[] }
        | undefined;
      for (let i = 0; i < 150; i++) {
        await sleep(200);
        const s = captured();
        await main(['sweep', 'status', ...queue, '--json'], s.io);
        status = JSON.parse(s.out.join(''));
        if ((status?.counts['done'] ?? 0) + (status?.counts['failed'] ?? 0) === 2) break;
      }
      stop.abort();
      expect(await running).toBe(0);
      expect(status?.counts).toMatchObject({ done: 1, failed: 1 });
      expect(status?.trials.find((t) => t.status === 'failed')?.reason).toMatch(
        /training diverged in epoch \d+/,
      );
      const again = captured();
      expect(await main(['sweep', 'run', spec, ...queue, '--json'], again.io)).toBe(0);
      expect(JSON.parse(again.out.join(''))).toMatchObject({ enqueued: 0 });
      if (useDir) expect((await readdir(join(store[1] as string, 'trials'))).length).toBe(2);
    },
    60_000,
  );
});
