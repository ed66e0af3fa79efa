/**
 * Widgets as registry contributions: every widget, built-in or from a plugin, is a
 * `WidgetDefinition` registered under a name, so a docs page (or any app) can mount a widget
 * by name with `mountWidget(name, element, options)`.
 */
import { registry as defaultRegistry, definePlugin, type Registry } from '@deepnets/core';
import { mountApproximation } from './approximation/mount.ts';
import { mountConstructionExplorer } from './construction-explorer/mount.ts';
import { mountConvCalculator } from './conv-calculator/mount.ts';
import { mountFigure47 } from './figure-4-7/mount.ts';
import type { WidgetHandle } from './kit/widget.ts';
import { mountRandomLabels } from './random-labels/mount.ts';
import { mountSawtooth } from './sawtooth/mount.ts';
import { mountShallowNetwork } from './shallow-network/mount.ts';

/** A mountable widget: `mount(element, options) -> { update, destroy, subscribe }`. */
export interface WidgetDefinition {
  /** Registry name, also the root element's `data-widget`; plugins use `namespace/name`. */
  name: string;
  description: string;
  /** Mounts into `element`; options are the widget's own (all optional). */
  mount(element: HTMLElement, options?: object): WidgetHandle<object, unknown>;
}

declare module '@deepnets/core' {
  interface RegistryKinds {
    widget: WidgetDefinition;
  }
}

/** Typed helper for a widget contribution. */
export function defineWidget<const W extends WidgetDefinition>(widget: W): W {
  return widget;
}

/** The built-in widgets, registered through the public plugin API. */
export const widgetsPlugin = definePlugin({
  name: 'deepnets:widgets',
  widgets: [
    defineWidget({
      name: 'shallow-network',
      description: 'A shallow 1-D network with a slider per parameter and its joints marked',
      mount: mountShallowNetwork as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'figure-4-7',
      description:
        'Figure 4.7: maximum linear regions against parameters (exact bounds), with reader-added points and exact counts',
      mount: mountFigure47 as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'construction-explorer',
      description: 'The (D+1)^K-region construction, counted exactly and zoomable, beside random He networks',
      mount: mountConstructionExplorer as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'sawtooth',
      description:
        'Depth efficiency: a 2^K-region sawtooth from K layers of 2 units against the equal shallow network',
      mount: mountSawtooth as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'conv-calculator',
      description:
        'Dense vs convolutional parameters on a megapixel image, and layers until a unit sees it all',
      mount: mountConvCalculator as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'approximation',
      description:
        'Shallow and deep networks of the same budget trained on a 1-D target, and identity layers',
      mount: mountApproximation as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'random-labels',
      description: 'Figure 20.2: memorising random labels, committed full run and a live scaled-down run',
      mount: mountRandomLabels as WidgetDefinition['mount'],
    }),
  ],
});

/** Registers the built-in widgets once (idempotent). */
export function useWidgetsPlugin(registry: Registry = defaultRegistry): Registry {
  return registry.use(widgetsPlugin);
}

/** The widget registered under `name`; throws listing the known widgets. */
export function getWidget(name: string, registry: Registry = defaultRegistry): WidgetDefinition {
  return useWidgetsPlugin(registry).get('widget', name);
}

/** Mounts the widget registered under `name` (built-in or from a plugin). */
export function mountWidget(
  name: string,
  element: HTMLElement,
  options?: object,
  registry: Registry = defaultRegistry,
): WidgetHandle<object, unknown> {
  return getWidget(name, registry).mount(element, options);
}
