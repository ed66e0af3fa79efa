/**
 * The region-slices widget's network files: "Export network" saves the network whose plane is
 * drawn (a saved snapshot, the live run or an opened file) as `deepnets.network/v1`, so
 * `deepnets regions FILE --plane POINTS.json` counts the same plane; "Open network…" (or a drop on
 * the plane) draws the plane of any network on the 40 MNIST-1D inputs.
 */
import { DeepnetsError, type Network } from '@deepnets/core';
import { createNetworkFileControls, type NetworkFileControls } from '../kit/network-file.ts';

/** MNIST-1D inputs: the length of every x_i the plane goes through. */
const INPUTS = 40;

export function createSlicesNetworkFile(
  parent: HTMLElement,
  options: {
    /** The network drawn now and its name in a file ("region-slices-4x63-epoch-137134"). */
    shown(): { network: Network; name: string } | undefined;
    open(net: Network, fileName: string): void;
    dropTarget: HTMLElement;
  },
): NetworkFileControls {
  return createNetworkFileControls(parent, {
    get name() {
      return options.shown()?.name ?? 'region-slices-network';
    },
    network: () => options.shown()?.network,
    open: options.open,
    dropTarget: options.dropTarget,
    check(net) {
      const inputs = net.layers[0]?.weights[0]?.length ?? 0;
      if (inputs !== INPUTS)
        throw new DeepnetsError(
          'SHAPE_MISMATCH',
          `has ${inputs} inputs; the plane lies in the ${INPUTS}-dimensional MNIST-1D input space`,
          'layers[0].weights',
        );
    },
  });
}
