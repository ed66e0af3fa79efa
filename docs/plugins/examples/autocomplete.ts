// Make a plugin's names autocomplete wherever deepnets takes a name (module augmentation).
import type { Network } from '@deepnets/core';

declare module '@deepnets/core' {
  interface Register {
    'activation:kink/double': true;
  }
}

export const net: Network = {
  activation: 'kink/double', // offered by the editor next to 'relu', 'abs', ...
  layers: [{ weights: [[1]], biases: [0] }],
};
