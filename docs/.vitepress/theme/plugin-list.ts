/**
 * The plugins the docs site uses: the list only, with no widget or DOM code of the docs' own, so
 * both the page (plugins.ts) and the worker (deepnets.worker.ts) import the same list and the same
 * names exist on both sides of the thread boundary.
 */
import type { Plugin } from '@deepnets/core';
import examplePlugin from 'deepnets-plugin-example';

export const docsPlugins: readonly Plugin[] = [examplePlugin];
