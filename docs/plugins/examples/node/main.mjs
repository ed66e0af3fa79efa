// main.mjs of a Node app: a worker_threads runner that registers the plugin in its worker. Names
// resolve from this file (pluginBase: import.meta.url), so the app runs from any directory.
import { createRunner } from '@deepnets/worker';

const runner = await createRunner({ plugins: ['deepnets-plugin-kink'], pluginBase: import.meta.url });
try {
  const layer = { weights: [[1]], biases: [0] };
  const y = await runner.api.evaluateBatch(
    { activation: 'kink/double', layers: [layer, layer] },
    Float64Array.of(2),
    1,
  );
  console.log(JSON.stringify({ y: Array.from(y) })); // a[2] = 2 + 1 = 3
} finally {
  await runner.terminate();
}
