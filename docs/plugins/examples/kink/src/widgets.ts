// src/widgets.ts of deepnets-plugin-kink, published as `deepnets-plugin-kink/widgets`: the only
// file that imports @deepnets/widgets (an optional peer), so Node users never load DOM code.
import { definePlugin } from '@deepnets/core';
import { defineWidget, htmlElement } from '@deepnets/widgets';
import { doubleKink } from './index.js';

/** `kink/table`: a[z] at a few points, as a table. */
export const kinkTable = defineWidget({
  name: 'kink/table',
  description: 'The double kink a[z] at z = -1, 0, 1, 2, 3',
  mount(element) {
    const root = htmlElement('table', { 'data-widget': 'kink/table' }, element);
    for (const z of [-1, 0, 1, 2, 3]) {
      const row = htmlElement('tr', {}, root);
      htmlElement('td', {}, row).textContent = `a[${z}]`;
      htmlElement('td', { 'data-value': String(doubleKink.f(z)) }, row).textContent = String(doubleKink.f(z));
    }
    return { update() {}, destroy: () => root.remove(), subscribe: () => () => {} };
  },
});

export const kinkWidgetsPlugin = definePlugin({
  name: 'deepnets-plugin-kink/widgets',
  namespace: 'kink',
  widgets: [kinkTable],
});

declare module '@deepnets/core' {
  interface Register {
    'widget:kink/table': true;
  }
}

export default kinkWidgetsPlugin;
