// runner.ts on the page: a runner whose worker is your entry (Vite bundles it from this URL).
import { registry } from '@deepnets/core';
import { createRunner, type Runner } from '@deepnets/worker';
import kinkPlugin from 'deepnets-plugin-kink';
import { kinkWidgetsPlugin } from 'deepnets-plugin-kink/widgets';

export function startRunner(): Promise<Runner> {
  registry.use(kinkPlugin).use(kinkWidgetsPlugin); // the page's registry: same names, plus widgets
  return createRunner({
    createWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
  });
}
