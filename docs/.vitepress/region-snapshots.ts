/**
 * Vite plugin: the networks saved by `deepnets experiment region-density`
 * (experiments/region-density/snapshots/<labels>-<model>.json, 0.5-0.7 MB each) as lazy chunks.
 * `virtual:region-snapshots` exports, per `<labels>-<model>`, the saved epochs and training errors
 * (a few hundred bytes) and for each one `network()`, a dynamic import of its own chunk holding
 * that one `deepnets.snapshot/v1` network (80 kB as float32, 160 kB as float64). So the section-5
 * page fetches only the networks the reader looks at, when the widget asks for them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const INDEX = 'virtual:region-snapshots';
const ONE = 'virtual:region-snapshot/';
const DIR = fileURLToPath(new URL('../../experiments/region-density/snapshots/', import.meta.url));

interface SavedFile {
  labels: string;
  model: string;
  widths: number[];
  snapshots: { epoch: number; trainError?: number; network: unknown }[];
}

const read = (name: string): SavedFile => JSON.parse(readFileSync(`${DIR}${name}.json`, 'utf8'));
const names = (): string[] =>
  readdirSync(DIR)
    .filter((f) => /^[a-z]+-\dx\d+\.json$/.test(f))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();

export function regionSnapshots(): Plugin {
  return {
    name: 'deepnets:region-snapshots',
    resolveId(id) {
      if (id === INDEX || id.startsWith(ONE)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id === `\0${INDEX}`) {
        const entries = names().map((name) => {
          this.addWatchFile(`${DIR}${name}.json`);
          const file = read(name);
          const snapshots = file.snapshots.map(
            (s, k) =>
              `{ epoch: ${s.epoch}, trainError: ${s.trainError ?? 'undefined'}, network: () => import(${JSON.stringify(`${ONE}${name}/${k}`)}).then((m) => m.default) }`,
          );
          const head = JSON.stringify({ labels: file.labels, model: file.model, widths: file.widths });
          return `${JSON.stringify(name)}: { ...${head}, snapshots: [${snapshots.join(', ')}] }`;
        });
        return `export default { ${entries.join(',\n')} };`;
      }
      if (id.startsWith(`\0${ONE}`)) {
        const [name, index] = id.slice(ONE.length + 1).split('/');
        if (!name || !names().includes(name)) throw new Error(`no snapshot file "${name}" in ${DIR}`);
        this.addWatchFile(`${DIR}${name}.json`);
        const network = read(name).snapshots[Number(index)]?.network;
        if (!network) throw new Error(`${name}.json has no snapshot ${index}`);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(network))});`;
      }
      return undefined;
    },
  };
}
