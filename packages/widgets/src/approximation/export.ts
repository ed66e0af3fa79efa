/**
 * The approximation widget's network exports: the trained shallow network, the deep one from
 * random starts and (sawtooth target) the deep one trained from near the construction, each as a
 * `deepnets.network/v1` file (`deepnets regions FILE` counts the same regions as the page; both
 * count on [-1, 1]). A button waits for its fit; the near-construction one is hidden without it.
 */
import { createNetworkExports, type NetworkExports, showElement } from '../kit/network-file.ts';
import type { ApproximationState } from './state.ts';

export function createFitExports(parent: Element, state: ApproximationState): NetworkExports {
  const exports = createNetworkExports(parent, [
    {
      key: 'shallow',
      name: 'approximation-shallow',
      label: 'Export shallow network',
      network: () => state.shallow?.network,
    },
    {
      key: 'deep',
      name: 'approximation-deep',
      label: 'Export deep network',
      network: () => state.deep?.network,
    },
    {
      key: 'deepNearConstruction',
      name: 'approximation-deep-near-construction',
      label: 'Export deep (near construction)',
      network: () => state.deepNearConstruction?.network,
    },
  ]);
  const near = exports.buttons['deepNearConstruction'] as HTMLButtonElement;
  const refresh = () => {
    exports.refresh();
    showElement(near.parentElement as HTMLElement, state.deepNearConstruction !== undefined);
  };
  refresh();
  return { ...exports, refresh };
}
