// The consumer suite (issue 13): what an outside user does with the packages, with plain npm on
// packed tarballs in projects outside the workspace, and through a real local registry.
// Steps share state and run in order; `pnpm test` runs this after every package is built.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import semver from 'semver';
import { checkWebApp } from './browser.mjs';
import { npmInstall, outsideEnv, REPO, run, scratch } from './env.mjs';
import { extract, packAll, rootLicense, tarballProblems } from './pack.mjs';
import { startRegistry } from './registry.mjs';
import { changesetVersion, cloneForRelease, manifest, packUnbuilt, publishDryRun } from './release.mjs';
import { serveStatic } from './server.mjs';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const GUIDE = join(REPO, 'docs/plugins/examples');
const started = performance.now();
const timings = {};
const timed = async (label, work) => {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - t0);
  }
};

let tarballs; // [{ name, file, bytes }]
let app; // the consumer project: every tarball, the guide's plugin, typescript, vite
let kinkTarball;
let registry;

/** `npx deepnets ...` in a directory, as a user types it. */
const deepnets = (cwd, args, options = {}) =>
  run('npx', ['--no-install', 'deepnets', ...args], { cwd, ...options });

before(async () => {
  tarballs = await timed('pack', () => packAll(scratch('tarballs')));
  registry = await timed('registry start', () => startRegistry(scratch('registry')));
});
after(async () => {
  await registry?.stop();
  console.log(`consumer suite: ${Math.round(performance.now() - started)} ms`, JSON.stringify(timings));
  console.log(
    'tarball sizes (bytes):',
    JSON.stringify(Object.fromEntries(tarballs?.map((t) => [t.name, t.bytes]) ?? [])),
  );
});

describe('tarballs', () => {
  it('ship the build, README and MIT LICENSE, no source condition, no dangling source maps', async () => {
    const license = rootLicense();
    for (const { name, file } of tarballs) {
      const root = await extract(file, scratch('extract'));
      assert.deepEqual(
        tarballProblems(root, license),
        [],
        `${name}: ${tarballProblems(root, license).join('; ')}`,
      );
    }
  });
});

describe('the guide plugin package, built outside the repository', () => {
  it('installs the deepnets tarballs with npm, builds with tsc and packs', async () => {
    const dir = scratch('kink');
    cpSync(join(GUIDE, 'kink'), dir, { recursive: true });
    await timed('install plugin project', () =>
      npmInstall(
        dir,
        tarballs.map((t) => t.file),
      ),
    );
    const { stdout } = await timed('pack plugin', () => run('npm', ['pack', '--silent'], { cwd: dir }));
    kinkTarball = join(dir, stdout.trim().split('\n').at(-1));
    assert.ok(existsSync(join(dir, 'dist/index.js')) && existsSync(join(dir, 'dist/widgets.d.ts')));
    // --plugin . from the plugin's own folder, right after its build.
    const net = join(dir, 'net.json');
    writeFileSync(
      net,
      JSON.stringify({
        format: 'deepnets.network/v1',
        activation: 'kink/double',
        layers: [
          { weights: [[1]], biases: [0] },
          { weights: [[1]], biases: [0] },
        ],
      }),
    );
    const { stdout: y } = await run(
      'node',
      [
        join(dir, 'node_modules/@deepnets/cli/bin/deepnets.js'),
        'eval',
        net,
        '--x',
        '2',
        '--json',
        '--plugin',
        '.',
      ],
      { cwd: dir },
    );
    assert.deepEqual(JSON.parse(y), { y: [3] });
  });
});

describe('a Node ESM project with every tarball', () => {
  it('installs with plain npm (no workspace links)', async () => {
    app = scratch('app');
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }),
    );
    await timed('install app', () =>
      npmInstall(app, [
        ...tarballs.map((t) => t.file),
        kinkTarball,
        'typescript@~6.0.3',
        '@types/node@^20.19.0',
        'vite@~8.3.8',
      ]),
    );
    assert.ok(!readFileSync(join(app, 'package-lock.json'), 'utf8').includes('"link": true'));
  });

  it('one call per package and a worker_threads job', async () => {
    cpSync(join(FIXTURES, 'node-checks.mjs'), join(app, 'node-checks.mjs'));
    const { stdout } = await run('node', ['node-checks.mjs'], { cwd: app });
    assert.equal(JSON.parse(stdout).checks.length, 7);
  });

  it('deepnets-plugin-example loads without @deepnets/widgets installed (widget on ./widgets)', async () => {
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

  it('the CLI: construct | regions gives (D+1)^K, compose > file then eval reads it', async () => {
    const [K, D] = [5, 10];
    const pipe = `npx --no-install deepnets construct max-regions --layers ${K} --width ${D} | npx --no-install deepnets regions /dev/stdin --domain 0,1 --json`;
    const { stdout } = await run('sh', ['-c', pipe], { cwd: app });
    assert.equal(JSON.parse(stdout).linearRegions, (D + 1) ** K);
    const small = join(app, 'small.json');
    writeFileSync(
      small,
      (await deepnets(app, ['construct', 'max-regions', '--layers', '1', '--width', '3'])).stdout,
    );
    const composed = await deepnets(app, ['compose', small, small]);
    writeFileSync(join(app, 'c.json'), composed.stdout);
    assert.match(composed.stderr, /depth K = 2/);
    const direct = JSON.parse((await deepnets(app, ['eval', small, '--x', '0.3', '--json'])).stdout).y[0];
    const twice = JSON.parse((await deepnets(app, ['eval', small, '--x', String(direct), '--json'])).stdout)
      .y[0];
    const viaFile = JSON.parse((await deepnets(app, ['eval', 'c.json', '--x', '0.3', '--json'])).stdout).y[0];
    assert.ok(Math.abs(viaFile - twice) < 1e-12);
  });

  it('types: a consumer file checks under node16, nodenext and bundler with skipLibCheck false', async () => {
    cpSync(join(FIXTURES, 'consumer.ts'), join(app, 'consumer.ts'));
    for (const [module, resolution] of [
      ['node16', 'node16'],
      ['nodenext', 'nodenext'],
      ['esnext', 'bundler'],
    ]) {
      const config = {
        compilerOptions: {
          module,
          moduleResolution: resolution,
          target: 'es2022',
          lib: ['es2022', 'dom'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['consumer.ts'],
      };
      writeFileSync(join(app, `tsconfig.${module}.json`), JSON.stringify(config));
      await run('npx', ['--no-install', 'tsc', '-p', `tsconfig.${module}.json`], { cwd: app });
    }
  });

  it('the guide plugin: API, CLI (--plugin NAME, ./path), a Node worker started from another directory', async () => {
    const net = join(app, 'kink.json');
    writeFileSync(
      net,
      JSON.stringify({
        format: 'deepnets.network/v1',
        activation: 'kink/double',
        layers: [
          { weights: [[1]], biases: [0] },
          { weights: [[1]], biases: [0] },
        ],
      }),
    );
    for (const plugin of [
      'deepnets-plugin-kink',
      './node_modules/deepnets-plugin-kink/dist/index.js',
      './node_modules/deepnets-plugin-kink',
    ]) {
      const { stdout } = await deepnets(app, ['eval', net, '--x', '2', '--json', '--plugin', plugin]);
      assert.deepEqual(JSON.parse(stdout), { y: [3] }, plugin);
    }
    const api =
      "import { evaluate, registry } from '@deepnets/core'; import kink from 'deepnets-plugin-kink'; registry.use(kink); console.log(evaluate({ activation: 'kink/double', layers: [{ weights: [[1]], biases: [0] }, { weights: [[1]], biases: [0] }] }, [2])[0])";
    assert.equal((await run('node', ['--input-type=module', '-e', api], { cwd: app })).stdout.trim(), '3');
    cpSync(join(GUIDE, 'node/main.mjs'), join(app, 'main.mjs'));
    const { stdout } = await run('node', [join(app, 'main.mjs')], { cwd: scratch('elsewhere') });
    assert.deepEqual(JSON.parse(stdout), { y: [3] });
  });
});

describe('a plain Vite app in headless Chromium', () => {
  it('builds, serves, shows the widgets with their stylesheet, trains in a Web Worker', async () => {
    cpSync(join(FIXTURES, 'web/index.html'), join(app, 'index.html'));
    cpSync(join(FIXTURES, 'web/main.ts'), join(app, 'src/main.ts'));
    for (const file of ['worker.ts', 'worker-plugins.ts', 'runner.ts'])
      cpSync(join(GUIDE, 'browser', file), join(app, 'src', file));
    await timed('vite build', () =>
      run('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { cwd: app }),
    );
    const server = await serveStatic(join(app, 'dist'));
    try {
      const seen = await timed('chromium', () =>
        checkWebApp(server.url, { screenshot: join(app, 'app.png') }),
      );
      console.log('browser:', JSON.stringify({ ...seen, screenshot: join(app, 'app.png') }));
      assert.deepEqual(seen.errors, []);
      for (const curves of [seen.shallowCurves, seen.compositionCurves, seen.lossCurves]) {
        assert.ok(
          curves.length > 0 && curves.every((c) => c.stroke !== 'none' && c.width > 0 && c.area > 0),
          JSON.stringify(curves),
        );
      }
      assert.ok(
        seen.datasets > 0 && seen.trainEnabled,
        'the playground has data sets and Train with no extra call',
      );
      assert.ok(seen.epoch >= 300 && seen.regions > 0 && seen.heatMapInFrame);
      assert.equal(seen.kinkWorker, '3');
      assert.equal(seen.kinkTable, 5);
    } finally {
      await server.close();
    }
  });
});

describe('releases', () => {
  let clone;
  it('changeset version moves every public package to one version; peer ranges keep it', async () => {
    clone = await timed('clone', () => cloneForRelease(scratch('release')));
    const before = manifest(join(REPO, 'packages/core')).version;
    const manifests = await timed('changeset version', () => changesetVersion(clone));
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
    const cli = manifests['@deepnets/cli'];
    assert.equal(
      (await run('git', ['ls-files', 'apps/cli/bin/deepnets.js'], { cwd: clone })).stdout.trim(),
      'apps/cli/bin/deepnets.js',
    );
    assert.equal(cli.bin.deepnets, './bin/deepnets.js', 'the bin exists before any build (committed stub)');
  });

  it('pnpm publish -r --dry-run publishes every public package at that version', async () => {
    const { output } = await timed('publish dry run', () => publishDryRun(clone, registry.url));
    const version = manifest(join(clone, 'packages/core')).version;
    for (const { name } of tarballs)
      assert.ok(output.includes(`${name}@${version}`), `${name}@${version} not in:\n${output.slice(-2000)}`);
  });

  it('pack builds an unbuilt package first (prepack)', async () => {
    const file = await timed('pack unbuilt', () => packUnbuilt(clone, scratch('unbuilt')));
    const root = await extract(file, scratch('unbuilt-extract'));
    assert.ok(existsSync(join(root, 'dist/index.js')) && existsSync(join(root, 'dist/index.d.ts')));
  });
});

describe('a real registry round trip (Verdaccio)', () => {
  it('publishes every package, installs them by name in a fresh project and runs the Node checks', async () => {
    const env = outsideEnv({ npm_config_userconfig: registry.npmrc });
    await timed('publish', async () => {
      for (const { file } of tarballs)
        await run('npm', ['publish', file, '--registry', registry.url], { env });
    });
    const fresh = scratch('fresh');
    writeFileSync(
      join(fresh, 'package.json'),
      JSON.stringify({ name: 'fresh', private: true, type: 'module' }),
    );
    const names = tarballs.map((t) => t.name);
    await timed('install from registry', () => npmInstall(fresh, [...names, '--registry', registry.url]));
    const lock = readFileSync(join(fresh, 'package-lock.json'), 'utf8');
    assert.ok(lock.includes(`${registry.url}@deepnets/core/-/core-`), 'resolved from the local registry');
    cpSync(join(FIXTURES, 'node-checks.mjs'), join(fresh, 'node-checks.mjs'));
    assert.equal(
      JSON.parse((await run('node', ['node-checks.mjs'], { cwd: fresh })).stdout).checks.length,
      7,
    );
    const { stdout } = await run(
      'sh',
      [
        '-c',
        'npx --no-install deepnets construct max-regions --layers 3 --width 4 | npx --no-install deepnets regions /dev/stdin --domain 0,1 --json',
      ],
      { cwd: fresh },
    );
    assert.equal(JSON.parse(stdout).linearRegions, (4 + 1) ** 3);
  });
});
