// The consumer suite (issue 13): what an outside user does with the packages, with plain npm on
// packed tarballs in projects outside the workspace, and through a real local registry.
// Independent set-up work starts at once in `before`; each test awaits what it needs.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import semver from 'semver';
import { checkWebApp } from './browser.mjs';
import { replayDockerfile, startContainer, startRedis } from './docker.mjs';
import { npmInstall, outsideEnv, REPO, run, scratch } from './env.mjs';
import { extract, packAll, rootLicense, tarballProblems } from './pack.mjs';
import {
  buildGuidePlugin,
  FIXTURES,
  GUIDE,
  installApp,
  installFromRegistry,
  integrityOf,
  publishAll,
  writeActivationNet,
} from './projects.mjs';
import { startRegistry } from './registry.mjs';
import {
  changesetVersion,
  cloneAndInstall,
  copyBuilds,
  manifest,
  packUnbuilt,
  publishDryRun,
} from './release.mjs';
import { serveStatic } from './server.mjs';

const started = performance.now();
const timings = {};
/** Starts `work` now, records how long it took; the promise never rejects unhandled. */
function step(label, work) {
  const t0 = performance.now();
  const promise = Promise.resolve().then(work);
  promise.then(
    () => (timings[label] = Math.round(performance.now() - t0)),
    () => (timings[label] = 'failed'),
  );
  promise.catch(() => {});
  return promise;
}

const setup = {};
before(() => {
  setup.tarballs = step('pack', () => packAll(scratch('tarballs')));
  setup.registry = step('registry', () => startRegistry(scratch('registry')));
  setup.clone = step('clone + pnpm install', () => cloneAndInstall(scratch('release')));
  setup.docker = step('Dockerfile replay', () => replayDockerfile());
  setup.kink = step('guide plugin: npm install + build + pack', async () =>
    buildGuidePlugin(await setup.tarballs),
  );
  setup.app = step('app: npm install', async () => installApp(await setup.tarballs));
  setup.fresh = step('registry: publish + install by name', async () => {
    const [tarballs, registry] = await Promise.all([setup.tarballs, setup.registry]);
    await publishAll(tarballs, registry);
    return installFromRegistry(
      tarballs.map((t) => t.name),
      registry,
    );
  });
});
after(async () => {
  await (await setup.registry.catch(() => undefined))?.stop();
  const tarballs = await setup.tarballs.catch(() => []);
  console.log(`consumer suite: ${Math.round(performance.now() - started)} ms`, JSON.stringify(timings));
  console.log(
    'tarball sizes (bytes):',
    JSON.stringify(Object.fromEntries(tarballs.map((t) => [t.name, t.bytes]))),
  );
});

const bin = (project) => join(project, 'node_modules/.bin/deepnets');
const json = async (promise) => JSON.parse((await promise).stdout);

describe('tarballs', () => {
  it('ship the build, README and MIT LICENSE, no source condition, no dangling source maps', async () => {
    const license = rootLicense();
    for (const { name, file } of await setup.tarballs) {
      const problems = tarballProblems(await extract(file, scratch('extract')), license);
      assert.deepEqual(problems, [], `${name}: ${problems.join('; ')}`);
    }
  });
});

describe('a Node ESM project with every tarball (plain npm, no workspace links)', () => {
  it('one call per package and a worker_threads job', async () => {
    const app = await setup.app;
    assert.ok(!readFileSync(join(app, 'package-lock.json'), 'utf8').includes('"link": true'));
    cpSync(join(FIXTURES, 'node-checks.mjs'), join(app, 'node-checks.mjs'));
    assert.equal((await json(run('node', ['node-checks.mjs'], { cwd: app }))).checks.length, 7);
  });

  it('deepnets-plugin-example loads without @deepnets/widgets installed (its widget is on ./widgets)', async () => {
    const app = await setup.app;
    const widgets = join(app, 'node_modules/@deepnets/widgets');
    renameSync(widgets, `${widgets}.away`);
    try {
      const code =
        "const p = await import('deepnets-plugin-example'); console.log(p.default.activations.length)";
      assert.equal((await run('node', ['--input-type=module', '-e', code], { cwd: app })).stdout.trim(), '1');
    } finally {
      renameSync(`${widgets}.away`, widgets);
    }
  });

  it('the CLI: npx construct | npx regions gives (D+1)^K; compose > file, then eval reads the file', async () => {
    const app = await setup.app;
    const [K, D] = [5, 10];
    const pipe = `npx --no deepnets construct max-regions --layers ${K} --width ${D} | npx --no deepnets regions /dev/stdin --domain 0,1 --json`;
    assert.equal((await json(run('sh', ['-c', pipe], { cwd: app }))).linearRegions, (D + 1) ** K);
    const small = join(app, 'small.json');
    writeFileSync(
      small,
      (await run(bin(app), ['construct', 'max-regions', '--layers', '1', '--width', '3'])).stdout,
    );
    const composed = await run('sh', ['-c', `${bin(app)} compose small.json small.json > c.json`], {
      cwd: app,
    });
    assert.match(composed.stderr, /depth K = 2/);
    const evalAt = async (file, x) =>
      (await json(run(bin(app), ['eval', file, '--x', String(x), '--json'], { cwd: app }))).y[0];
    const twice = await evalAt(small, await evalAt(small, 0.3));
    assert.ok(Math.abs((await evalAt('c.json', 0.3)) - twice) < 1e-12);
  });

  it('types: a consumer file checks under node16, nodenext and bundler with skipLibCheck false', async () => {
    const app = await setup.app;
    cpSync(join(FIXTURES, 'consumer.ts'), join(app, 'consumer.ts'));
    const settings = [
      ['node16', 'node16'],
      ['nodenext', 'nodenext'],
      ['esnext', 'bundler'],
    ];
    await Promise.all(
      settings.map(([module, moduleResolution]) => {
        const compilerOptions = {
          module,
          moduleResolution,
          target: 'es2022',
          lib: ['es2022', 'dom'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          skipDefaultLibCheck: true,
          types: [],
        };
        writeFileSync(
          join(app, `tsconfig.${module}.json`),
          JSON.stringify({ compilerOptions, files: ['consumer.ts'] }),
        );
        return run(join(app, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${module}.json`], { cwd: app });
      }),
    );
  });
});

describe('the guide plugin package, built outside the repository', () => {
  it('--plugin . from its own folder after the build', async () => {
    const { dir } = await setup.kink;
    assert.ok(existsSync(join(dir, 'dist/index.js')) && existsSync(join(dir, 'dist/widgets.d.ts')));
    const net = writeActivationNet(join(dir, 'net.json'), 'kink/double');
    assert.deepEqual(
      await json(run(bin(dir), ['eval', net, '--x', '2', '--json', '--plugin', '.'], { cwd: dir })),
      { y: [3] },
    );
  });

  it('installed in the app: API, CLI (--plugin NAME, ./path), a Node worker started from another directory', async () => {
    const [app, { tarball }] = await Promise.all([setup.app, setup.kink]);
    await npmInstall(app, [tarball]);
    const net = writeActivationNet(join(app, 'kink.json'), 'kink/double');
    for (const plugin of [
      'deepnets-plugin-kink',
      './node_modules/deepnets-plugin-kink/dist/index.js',
      './node_modules/deepnets-plugin-kink',
    ]) {
      assert.deepEqual(
        await json(run(bin(app), ['eval', net, '--x', '2', '--json', '--plugin', plugin], { cwd: app })),
        { y: [3] },
        plugin,
      );
    }
    const api =
      "import { evaluate, registry } from '@deepnets/core'; import kink from 'deepnets-plugin-kink'; registry.use(kink); console.log(evaluate({ activation: 'kink/double', layers: [{ weights: [[1]], biases: [0] }, { weights: [[1]], biases: [0] }] }, [2])[0])";
    assert.equal((await run('node', ['--input-type=module', '-e', api], { cwd: app })).stdout.trim(), '3');
    cpSync(join(GUIDE, 'node/main.mjs'), join(app, 'main.mjs'));
    assert.deepEqual(await json(run('node', [join(app, 'main.mjs')], { cwd: scratch('elsewhere') })), {
      y: [3],
    });
    // Without pluginBase too: names then resolve from the started program's directory as well.
    const guide = readFileSync(join(app, 'main.mjs'), 'utf8');
    const withoutBase = guide.replace(', pluginBase: import.meta.url }', ' }');
    assert.notEqual(withoutBase, guide);
    writeFileSync(join(app, 'main-default.mjs'), withoutBase);
    const fromElsewhere = run('node', [join(app, 'main-default.mjs')], { cwd: scratch('elsewhere') });
    assert.deepEqual(await json(fromElsewhere), { y: [3] });
  });
});

describe('a plain Vite app in headless Chromium', () => {
  it('builds, serves, shows the widgets with their stylesheet, trains in a Web Worker, runs the guide plugin', async () => {
    const app = await setup.app;
    await setup.kink.then(
      ({ tarball }) =>
        existsSync(join(app, 'node_modules/deepnets-plugin-kink')) || npmInstall(app, [tarball]),
    );
    mkdirSync(join(app, 'src'), { recursive: true });
    cpSync(join(FIXTURES, 'web/index.html'), join(app, 'index.html'));
    cpSync(join(FIXTURES, 'web/main.ts'), join(app, 'src/main.ts'));
    for (const file of ['worker.ts', 'worker-plugins.ts', 'runner.ts'])
      cpSync(join(GUIDE, 'browser', file), join(app, 'src', file));
    await step('vite build', () =>
      run(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: app }),
    );
    const server = await serveStatic(join(app, 'dist'));
    try {
      // CONSUMER_SCREENSHOT=path keeps the picture (the widgets README shows one).
      const screenshot = process.env.CONSUMER_SCREENSHOT ?? join(app, 'app.png');
      const seen = await step('chromium', () => checkWebApp(server.url, { screenshot }));
      console.log('browser:', JSON.stringify({ ...seen, screenshot }));
      assert.deepEqual(seen.errors, []);
      for (const curves of [seen.shallowCurves, seen.compositionCurves, seen.lossCurves]) {
        const visible =
          curves?.length > 0 && curves.every((c) => c.stroke !== 'none' && c.width > 0 && c.area > 0);
        assert.ok(visible, `curves not visible: ${JSON.stringify(curves)}`);
      }
      assert.ok(
        seen.datasets > 0 && seen.trainEnabled,
        'the playground has data sets and Train with no extra call',
      );
      assert.ok(seen.epoch >= 300 && seen.regions > 0, `epoch ${seen.epoch}, regions ${seen.regions}`);
      assert.ok(seen.heatMapInFrame, 'the heat map sits inside its frame');
      assert.equal(seen.kinkWorker, '3');
      assert.equal(seen.kinkTable, 5);
    } finally {
      await server.close();
    }
  });
});

describe('releases, on a fresh clone', () => {
  it('pnpm install links the deepnets bin before any build; after the build it works, no second install', async () => {
    const { dir, beforeBuild } = await setup.clone;
    assert.match(String(beforeBuild.message), /not built yet; run "pnpm build"/);
    copyBuilds(dir);
    assert.match(
      (await run('pnpm', ['exec', 'deepnets', 'help'], { cwd: dir })).stdout,
      /construct max-regions/,
    );
  });

  it('changeset version moves every public package to one version; peer ranges keep it', async () => {
    const { dir } = await setup.clone;
    const before = manifest(join(REPO, 'packages/core')).version;
    const manifests = await step('changeset version', () => changesetVersion(dir));
    const versions = new Set(Object.values(manifests).map((m) => m.version));
    assert.equal(versions.size, 1, JSON.stringify([...versions]));
    const [version] = versions;
    assert.ok(
      semver.gt(version, before) && semver.major(version) === semver.major(before),
      `${before} -> ${version}`,
    );
    for (const [dep, range] of Object.entries(manifests['deepnets-plugin-example'].peerDependencies)) {
      assert.ok(
        semver.satisfies(version, range.replace(/^workspace:/, '')),
        `${dep} ${range} excludes ${version}`,
      );
    }
  });

  it('pnpm publish -r --dry-run publishes every public package at that version', async () => {
    const [{ dir }, registry, tarballs] = await Promise.all([setup.clone, setup.registry, setup.tarballs]);
    const { output } = await step('publish dry run', () => publishDryRun(dir, registry.url));
    const version = manifest(join(dir, 'packages/core')).version;
    for (const { name } of tarballs)
      assert.ok(output.includes(`${name}@${version}`), `${name}@${version} missing:\n${output.slice(-1500)}`);
  });

  it('pack builds an unbuilt package first (prepack)', async () => {
    const { dir } = await setup.clone;
    const file = await step('pack unbuilt', () => packUnbuilt(dir, scratch('unbuilt')));
    const root = await extract(file, scratch('unbuilt-extract'));
    assert.ok(existsSync(join(root, 'dist/index.js')) && existsSync(join(root, 'dist/index.d.ts')));
  });
});

describe('a real registry round trip (Verdaccio)', () => {
  it('publishes every package, installs them by name in a fresh project and runs the Node checks', async () => {
    const [fresh, tarballs] = await Promise.all([setup.fresh, setup.tarballs]);
    const lock = JSON.parse(readFileSync(join(fresh, 'package-lock.json'), 'utf8'));
    for (const { name, file } of tarballs) {
      assert.equal(
        lock.packages[`node_modules/${name}`]?.integrity,
        integrityOf(file),
        `${name} is the published tarball`,
      );
    }
    cpSync(join(FIXTURES, 'node-checks.mjs'), join(fresh, 'node-checks.mjs'));
    assert.equal((await json(run('node', ['node-checks.mjs'], { cwd: fresh }))).checks.length, 7);
    const pipe =
      'npx --no deepnets construct max-regions --layers 3 --width 4 | npx --no deepnets regions /dev/stdin --domain 0,1 --json';
    assert.equal((await json(run('sh', ['-c', pipe], { cwd: fresh }))).linearRegions, (4 + 1) ** 3);
  });
});

describe('the sweep worker image (apps/cli/Dockerfile replayed without a Docker engine)', () => {
  it('its build stage builds the CLI; the final stage alone runs `sweep worker` against Redis with a password', async () => {
    const image = await setup.docker;
    const pinned = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).packageManager;
    assert.equal(`pnpm@${image.pnpm}`, pinned, 'the image installs the pnpm the repository pins');
    const password = `pw-${process.pid}-${Date.now()}`;
    const redis = await startRedis(password);
    const dir = scratch('docker-run');
    const spec = join(dir, 'spec.json');
    writeFileSync(
      spec,
      JSON.stringify([
        { experiment: 'train', dataset: 'two-moons', hidden: [8], epochs: 200, lr: 0.01, seed: [1, 2] },
      ]),
    );
    const env = { DEEPNETS_REDIS_PASSWORD: password };
    const [, bin] = image.entrypoint;
    const cli = (...args) => json(run(process.execPath, [bin, ...args], { cwd: dir, env: outsideEnv(env) }));
    const queue = ['--queue', redis.url, '--name', 'image'];
    const worker = startContainer(image, [...queue, '--concurrency', '2'], env);
    try {
      assert.equal((await cli('sweep', 'run', spec, ...queue, '--json')).enqueued, 2);
      let counts;
      for (let i = 0; i < 600 && counts?.done !== 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        counts = (await cli('sweep', 'status', spec, ...queue, '--json')).counts;
      }
      assert.deepEqual(counts, { queued: 0, running: 0, done: 2, failed: 0 }, worker.output());
      const exited = new Promise((resolve) =>
        worker.child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      worker.child.kill('SIGTERM');
      assert.deepEqual(await exited, { code: 0, signal: null }, worker.output());
      assert.ok(!worker.output().includes(password), 'the worker never prints the password');
    } finally {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      await redis.stop();
    }
  });
});
