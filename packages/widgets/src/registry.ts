/**
 * Widgets as registry contributions: every widget, built-in or from a plugin, is a
 * `WidgetDefinition` registered under a name, so a docs page (or any app) can mount a widget
 * by name with `mountWidget(name, element, options)`.
 */
import { registry as defaultRegistry, definePlugin, type Registry } from '@deepnets/core';
import { mountApproximation } from './approximation/mount.ts';
import { mountCombining } from './combining/mount.ts';
import { mountComposition } from './composition/mount.ts';
import { mountComposition2d } from './composition-2d/mount.ts';
import { mountConstructionExplorer } from './construction-explorer/mount.ts';
import { mountConvCalculator } from './conv-calculator/mount.ts';
import { mountDepthDemo } from './depth-demo/mount.ts';
import { mountExercises } from './exercises/mount.ts';
import { mountFigure47 } from './figure-4-7/mount.ts';
import { mountHyperSearch } from './hyper-search/mount.ts';
import type { WidgetHandle } from './kit/widget.ts';
import { mountLayerPanels } from './layer-panels/mount.ts';
import { mountNetworkBuilder } from './network-builder/mount.ts';
import { mountNotation } from './notation/mount.ts';
import { mountPlayground } from './playground/mount.ts';
import { mountRandomLabels } from './random-labels/mount.ts';
import { mountReceptiveField } from './receptive-field/mount.ts';
import { mountRegionSlices } from './region-slices/mount.ts';
import { mountSawtooth } from './sawtooth/mount.ts';
import { mountShallowNetwork } from './shallow-network/mount.ts';
import { mountTwoOutputs } from './two-outputs/mount.ts';

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
      name: 'composition',
      description: 'Two 1-3-1 networks and their composition: folding, regions coloured and counted exactly',
      mount: mountComposition as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'composition-2d',
      description: 'A 2-input network composed with a 1-input network: heat maps and exact region polygons',
      mount: mountComposition2d as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'combining',
      description: 'The psi derivation with live numbers, the rank-one Psi and a free two-layer network',
      mount: mountCombining as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'layer-panels',
      description:
        'Figure 4.5 live: first-layer units, second-layer pre-activations, clipping, output regions',
      mount: mountLayerPanels as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'two-outputs',
      description: 'A shallow network with two outputs sharing the joints of its hidden units',
      mount: mountTwoOutputs as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'network-builder',
      description: 'Depth K and widths D_k: diagram, parameter count, region bound, exact regions',
      mount: mountNetworkBuilder as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'notation',
      description: "One network in the lecture's scalar, vector, matrix and general notations",
      mount: mountNotation as WidgetDefinition['mount'],
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
    defineWidget({
      name: 'region-slices',
      description:
        'Exact linear regions of the plane through three MNIST-1D examples, from initialisation to memorisation, beside the region-density curves',
      mount: mountRegionSlices as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'playground',
      description:
        'A 2-D classification playground: menus from the plugin registry, training in a worker, exact linear regions',
      mount: mountPlayground as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'exercises',
      description: "The chapter's problems 4.1-4.3, 4.8, 4.10, 4.11 with answers checked by computing them",
      mount: mountExercises as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'hyper-search',
      description:
        'Grid or random search over K, D_k and the learning rate in a worker pool: trial table, curves, best network with exact regions',
      mount: mountHyperSearch as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'receptive-field',
      description: 'How the field of view of one unit grows as 3 x 3 convolutions are stacked',
      mount: mountReceptiveField as WidgetDefinition['mount'],
    }),
    defineWidget({
      name: 'depth-demo',
      description:
        'Plain ReLU networks of growing depth trained on one task in the worker pool: where training stalls',
      mount: mountDepthDemo as WidgetDefinition['mount'],
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
