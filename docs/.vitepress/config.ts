import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitepress';
import { regionSnapshots } from './region-snapshots.ts';

/** Workspace packages are read from source (`@deepnets/source`), so `pnpm dev` needs no build. */
const SOURCE_CONDITION = '@deepnets/source';

export default defineConfig({
  title: 'deepnets',
  description: 'Deep neural networks you can run, read and extend: the lecture, computed and made visible.',
  lang: 'en-GB',
  cleanUrls: true,
  lastUpdated: false,
  markdown: { math: true },
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'Lecture', link: '/sections/composing-networks' },
      { text: 'API', link: '/api/' },
      { text: 'Plugins', link: '/plugins/' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Getting started', link: '/guide/getting-started' },
          { text: 'Reliability', link: '/guide/reliability' },
          { text: 'Running sweeps on many machines', link: '/guide/sweeps' },
          { text: 'Checking the lecture', link: '/guide/checking-the-lecture' },
        ],
      },
      {
        text: 'Deep neural networks',
        items: [
          { text: 'Recap: shallow networks', link: '/guide/recap' },
          { text: '1. Composing two networks', link: '/sections/composing-networks' },
          { text: '2. Combining them into one', link: '/sections/combining-networks' },
          { text: '3. Hyper-parameters', link: '/sections/hyperparameters' },
          { text: '4. Notation and the general case', link: '/sections/notation' },
          { text: '5. Shallow vs. deep networks', link: '/sections/shallow-vs-deep' },
          { text: 'Exercises', link: '/sections/exercises' },
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'API', link: '/api/' },
          { text: 'Plugins', link: '/plugins/' },
        ],
      },
    ],
    search: { provider: 'local' },
    outline: 'deep',
  },
  vite: {
    plugins: [regionSnapshots()],
    resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
    ssr: {
      noExternal: [/^@deepnets\//],
      resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] },
    },
    worker: { format: 'es' },
    server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } },
  },
});
