import { corePlugin, createRegistry } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { getWidget, useWidgetsPlugin, widgetsPlugin } from './registry.ts';

describe('built-in widgets by name', () => {
  const registry = useWidgetsPlugin(createRegistry([corePlugin]));

  it('lists every widget folder once', () => {
    expect(registry.names('widget')).toHaveLength(widgetsPlugin.widgets.length);
    expect(() => getWidget('no-such-widget', registry)).toThrow(/known widgets: shallow-network/);
  });

  for (const { name } of widgetsPlugin.widgets) {
    it(`${name}: mounts under data-widget="${name}" and leaves nothing behind`, () => {
      const host = document.body.appendChild(document.createElement('div'));
      const handle = getWidget(name, registry).mount(host);
      expect(host.querySelector(`[data-widget="${name}"]`)).not.toBeNull();
      handle.destroy();
      expect(host.children).toHaveLength(0);
      host.remove();
    });
  }
});
