// Make a plugin's names autocomplete wherever deepnets takes a name (module augmentation): one
// '<kind>:<name>' key per contribution, for every kind (activation, dataset, optimizer, loss, widget).
import type { Network, RegisteredName } from '@deepnets/core';

declare module '@deepnets/core' {
  interface Register {
    'dataset:shapes/ring': true;
    'optimizer:shapes/sign-descent': true;
    'loss:shapes/absolute': true;
    'widget:shapes/hello': true;
  }
}

export const net: Network = {
  activation: 'kink/double', // offered by the editor next to 'relu', 'abs', ... (declared in kink/src/index.ts)
  layers: [{ weights: [[1]], biases: [0] }],
};

// The names per kind, as tools see them (a wrong name here fails the type check):
export const dataset: RegisteredName<'dataset'> = 'shapes/ring';
export const optimizer: RegisteredName<'optimizer'> = 'shapes/sign-descent';
export const loss: RegisteredName<'loss'> = 'shapes/absolute';
export const widget: RegisteredName<'widget'> = 'shapes/hello';
