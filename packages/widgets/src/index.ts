export const PACKAGE = '@deepnets/widgets';
