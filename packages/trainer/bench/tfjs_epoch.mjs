#!/usr/bin/env node
/**
 * One full-batch epoch of a 40-[hidden]-10 ReLU MLP with TensorFlow.js on its WebAssembly backend
 * (float32), the JavaScript peer of `pnpm bench`, in one of two modes:
 *
 * - `tuned` (default): the math of numpy_epoch.py by hand rather than autograd: forward
 *   (tf.fused.matMul with bias and ReLU), softmax cross-entropy gradient (p - onehot) / n,
 *   backward, gradient-descent update of tf.Variables. Weights are stored in x out (the tf.layers
 *   layout) and transposes are explicit: this backend's matMul with a transpose flag is 7-10x
 *   slower than a tf.transpose followed by a plain matMul.
 * - `autograd`: what a TF.js user typically writes: the same forward, tf.losses.softmaxCrossEntropy
 *   and tf.train.sgd(lr).minimize, so the gradients come from TF.js's own gradient functions
 *   (which multiply with the transpose flags). tfjs-core's Node entry registers no gradients, so
 *   this mode loads tfjs-core's dist/register_all_gradients.js (see tfjs_resolve_hook.mjs); it
 *   registers them in the registry that the Node entry reads, which tfjs-core keeps on globalThis.
 *
 * Functional ops only, since tfjs-core alone registers no chained methods. Each epoch runs in
 * tf.tidy and the tensor count is checked to stay flat.
 *
 * usage: node tfjs_epoch.mjs [--mode tuned|autograd] HIDDEN(,HIDDEN...) EPOCHS WARMUP
 *   -> one JSON line {msPerEpoch, cpuMsPerEpoch, mode, ...}
 * The JSON says whether the backend has SIMD and threads (in Node: SIMD, no threads).
 */
import { register } from 'node:module';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

const { values, positionals } = parseArgs({
  options: { mode: { type: 'string', default: 'tuned' } },
  allowPositionals: true,
});
const mode = values.mode;
if (mode !== 'tuned' && mode !== 'autograd') throw new Error(`unknown --mode ${mode} (tuned or autograd)`);
const hidden = positionals[0].split(',').map(Number);
const [epochs, warmup] = positionals.slice(1, 3).map(Number);
if (mode === 'autograd') {
  register('./tfjs_resolve_hook.mjs', import.meta.url);
  await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
}
await tf.setBackend('wasm');
await tf.ready();

const n = 4000;
const widths = [40, ...hidden, 10];
const lr = 0.0025;
const x = tf.randomNormal([n, 40], 0, 1, 'float32', 1);
const labels = tf.randomUniform([n], 0, 10, 'int32', 2);
const onehot = tf.cast(tf.oneHot(labels, 10), 'float32');
const ws = widths
  .slice(1)
  .map((o, k) => tf.variable(tf.randomNormal([widths[k], o], 0, Math.sqrt(2 / widths[k]), 'float32', 3 + k)));
const bs = widths.slice(1).map((o) => tf.variable(tf.zeros([o])));

/** The input, the hidden activations and the logits. */
function forward() {
  const hs = [x];
  ws.forEach((w, k) => {
    const activation = k + 1 < ws.length ? 'relu' : 'linear';
    hs.push(tf.fused.matMul({ a: hs[k], b: w, bias: bs[k], activation }));
  });
  return hs;
}

/** One epoch with the hand-written backward; returns the mean loss before the update. */
function tunedEpoch() {
  return tf.tidy(() => {
    const hs = forward();
    const p = tf.softmax(hs.pop());
    const loss = tf.div(tf.sum(tf.mul(onehot, tf.log(p))), -n);
    let dz = tf.div(tf.sub(p, onehot), n);
    for (let k = ws.length - 1; k >= 0; k--) {
      const h = hs[k];
      const dw = tf.matMul(tf.transpose(h), dz);
      const db = tf.sum(dz, 0);
      if (k > 0) dz = tf.mul(tf.matMul(dz, tf.transpose(ws[k])), tf.step(h));
      ws[k].assign(tf.sub(ws[k], tf.mul(dw, lr)));
      bs[k].assign(tf.sub(bs[k], tf.mul(db, lr)));
    }
    return loss.dataSync()[0];
  });
}

const optimizer = tf.train.sgd(lr);

/** One epoch with TF.js's autograd and SGD optimizer; returns the mean loss before the update. */
function autogradEpoch() {
  return tf.tidy(() => {
    const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(onehot, forward().at(-1)), true);
    return loss.dataSync()[0];
  });
}

const epoch = mode === 'tuned' ? tunedEpoch : autogradEpoch;
for (let i = 0; i < warmup; i++) epoch();
const tensors = tf.memory().numTensors;
const times = [];
const cpuTimes = [];
for (let i = 0; i < epochs; i++) {
  const t = performance.now();
  const c = process.cpuUsage();
  epoch();
  const dc = process.cpuUsage(c);
  times.push(performance.now() - t);
  cpuTimes.push((dc.user + dc.system) / 1000);
}
if (tf.memory().numTensors !== tensors)
  throw new Error(`tensors leaked: ${tensors} -> ${tf.memory().numTensors}`);

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
process.stdout.write(
  JSON.stringify({
    msPerEpoch: median(times),
    cpuMsPerEpoch: median(cpuTimes),
    mode,
    tfjs: tf.version_core,
    simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
    multithread: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'),
    hidden,
  }),
);
