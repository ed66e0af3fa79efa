export const PACKAGE = '@deepnets/worker';
