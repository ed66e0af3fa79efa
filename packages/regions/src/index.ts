export const PACKAGE = '@deepnets/regions';
