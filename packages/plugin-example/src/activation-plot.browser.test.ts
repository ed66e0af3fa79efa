import { registry } from '@deepnets/core';
import { mountWidget } from '@deepnets/widgets';
import { expect, it } from 'vitest';
import { examplePlugin } from './index.ts';
import { exampleWidgetsPlugin } from './widgets.ts';

it('mounts by name from the registry and marks the two breakpoints', () => {
  registry.use(examplePlugin).use(exampleWidgetsPlugin);
  const host = document.body.appendChild(document.createElement('div'));
  const handle = mountWidget('example/activation-plot', host);
  const root = host.querySelector('[data-widget="example/activation-plot"]');
  expect(root).not.toBeNull();
  expect(root?.querySelectorAll('[data-role="breakpoint"]')).toHaveLength(2);
  handle.update({ activation: 'relu' });
  expect(root?.querySelectorAll('[data-role="breakpoint"]')).toHaveLength(1);
  handle.destroy();
  expect(host.children).toHaveLength(0);
});
