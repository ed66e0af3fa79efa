export const PACKAGE = '@deepnets/trainer';
