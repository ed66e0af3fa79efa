#!/usr/bin/env node
/**
 * `pnpm bench` (packages/trainer): one full-batch MNIST-1D epoch (4000 x 40 inputs; forward,
 * backward, gradient-descent update) of the 4x63 and the 1x298 MLP with the WebAssembly kernel
 * (SIMD, and relaxed SIMD in a child Node with --experimental-wasm-relaxed-simd where that flag
 * works), the float64 TypeScript kernel, and NumPy (float32, one OpenBLAS thread) when
 * `python3 -c "import numpy"` works; plus a toy 2-16-16-2 epoch. Prints medians after warm-up,
 * GFLOP/s against the WebAssembly SIMD ceiling, and ratios to NumPy.
 *
 * Peers: Debian `apt-get install python3-numpy` (NumPy); PyTorch (`python3-torch`) is not used
 * here when it is not installed. Options: --quick (fewer epochs), --json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initNetwork } from '@deepnets/core';
import { benchEpoch, createSamples, mnist1dTraining, train } from '../dist/index.js';

const quick = process.argv.includes('--quick');
const asJson = process.argv.includes('--json');
const here = fileURLToPath(new URL('.', import.meta.url));
const MODELS = [
  { name: '4x63', hidden: [63, 63, 63, 63] },
  { name: '1x298', hidden: [298] },
];

// A child run: `epoch.mjs --child HIDDEN KERNEL EPOCHS` prints one benchEpoch result as JSON.
if (process.argv[2] === '--child') {
  const [hidden, kernel, epochs] = process.argv.slice(3);
  const r = await benchEpoch({
    hidden: hidden.split(',').map(Number),
    kernel,
    epochs: Number(epochs),
    warmup: 5,
  });
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}

/** Clock of this CPU in GHz (Linux), for the ceiling; null elsewhere. */
function clockGHz() {
  try {
    const mhz = /cpu MHz\s*:\s*([\d.]+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return mhz ? Number(mhz[1]) / 1000 : null;
  } catch {
    return null;
  }
}

/** One bench in a fresh Node (optionally with V8 flags), so each kernel gets a clean engine. */
function child(hidden, kernel, epochs, flags = []) {
  const out = spawnSync(
    process.execPath,
    [...flags, fileURLToPath(import.meta.url), '--child', hidden.join(), kernel, String(epochs)],
    {
      encoding: 'utf8',
    },
  );
  if (out.status !== 0) return null;
  return JSON.parse(out.stdout);
}

function numpy(hidden, epochs) {
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
  } catch {
    return { missing: 'python3 with numpy is not installed (Debian: apt-get install python3-numpy)' };
  }
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const text = execFileSync('python3', [`${here}numpy_epoch.py`, hidden.join(), String(epochs), '5'], {
    env,
    encoding: 'utf8',
  });
  return JSON.parse(text);
}

function torchInstalled() {
  try {
    execFileSync('python3', ['-c', 'import torch'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Microseconds per epoch of a toy 2-16-16-2 network on 100 points (TypeScript kernel). */
async function toyEpochMicros() {
  const data = createSamples(100, 2, 1);
  for (let i = 0; i < data.x.length; i++) data.x[i] = Math.sin(i * 12.9898) * 2;
  for (let i = 0; i < data.count; i++) data.y[i] = i % 2;
  const network = initNetwork([2, 16, 16, 2], { init: 'he-normal', rng: 1 });
  const epochs = quick ? 2000 : 20000;
  const options = { network, data, loss: 'softmax-cross-entropy', learningRate: 0.01, batchSize: 'full' };
  await train({ ...options, epochs: 1000 });
  const t0 = performance.now();
  await train({ ...options, epochs, yieldEveryMs: Number.POSITIVE_INFINITY, keepHistory: false });
  return ((performance.now() - t0) / epochs) * 1000;
}

const ghz = clockGHz();
// 128-bit vectors: 4 float lanes; two FMA pipes -> 16 flop/cycle with relaxed_madd, and as
// separate mul + add 8 flop/cycle per core (native AVX2 FMA would be 32).
const ceiling = { relaxed: ghz && ghz * 16, simd: ghz && ghz * 8 };
const wasmEpochs = quick ? 10 : 40;
mnist1dTraining('shuffle'); // warm the data generator's code once
const rows = [];
for (const model of MODELS) {
  const simd = child(model.hidden, 'wasm', wasmEpochs);
  const relaxed = child(model.hidden, 'wasm', wasmEpochs, ['--experimental-wasm-relaxed-simd']);
  const ts = child(model.hidden, 'ts', quick ? 3 : 6);
  const np = numpy(model.hidden, quick ? 10 : 40);
  for (const r of [simd, relaxed?.kernel === simd?.kernel ? null : relaxed, ts]) {
    if (!r) continue;
    const ceil = r.kernel.includes('relaxed') ? ceiling.relaxed : ceiling.simd;
    rows.push({
      model: model.name,
      kernel: r.kernel,
      msPerEpoch: r.msPerEpoch,
      gflops: r.gflops,
      ofCeiling: ceil ? r.gflops / ceil : null,
      vsNumpy: np.msPerEpoch ? r.msPerEpoch / np.msPerEpoch : null,
    });
  }
  if (np.msPerEpoch) {
    const flops = simd?.flopsPerEpoch;
    rows.push({
      model: model.name,
      kernel: `numpy ${np.numpy} (1 thread)`,
      msPerEpoch: np.msPerEpoch,
      gflops: flops ? flops / np.msPerEpoch / 1e6 : null,
      ofCeiling: null,
      vsNumpy: 1,
    });
  } else rows.push({ model: model.name, kernel: 'numpy', missing: np.missing });
}
const toy = await toyEpochMicros();
const result = {
  cpuGHz: ghz,
  ceilingGflops: ceiling,
  rows,
  toyEpochMicros: toy,
  torch: torchInstalled()
    ? 'installed (not benchmarked)'
    : 'not installed (Debian: apt-get install python3-torch)',
};
if (asJson) {
  console.log(JSON.stringify(result));
} else {
  console.log(
    `One full-batch MNIST-1D epoch (4000 x 40, forward + backward + update), median after warm-up; CPU ${ghz ?? '?'} GHz`,
  );
  console.log(
    `WebAssembly ceiling per core: ${ceiling.simd?.toFixed(1)} GFLOP/s (SIMD mul+add), ${ceiling.relaxed?.toFixed(1)} GFLOP/s (relaxed FMA)`,
  );
  console.log(
    ['model', 'kernel', 'ms/epoch', 'GFLOP/s', '% ceiling', 'x numpy']
      .map((h, i) => (i < 2 ? h.padEnd(i ? 26 : 7) : h.padStart(10)))
      .join(''),
  );
  for (const r of rows) {
    if (r.missing) {
      console.log(`${r.model.padEnd(7)}${r.kernel.padEnd(26)}${r.missing}`);
      continue;
    }
    const cells = [
      r.msPerEpoch.toFixed(2),
      r.gflops?.toFixed(1) ?? '',
      r.ofCeiling ? `${(100 * r.ofCeiling).toFixed(0)}%` : '',
      r.vsNumpy ? r.vsNumpy.toFixed(2) : '',
    ];
    console.log(`${r.model.padEnd(7)}${r.kernel.padEnd(26)}${cells.map((c) => c.padStart(10)).join('')}`);
  }
  console.log(`toy 2-16-16-2 on 100 points (TypeScript kernel): ${toy.toFixed(1)} us/epoch`);
  console.log(`PyTorch: ${result.torch}`);
}
