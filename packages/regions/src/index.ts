export {
  binomial,
  type Figure47Point,
  figure47Data,
  montufarLower,
  type RegionBounds,
  regionBounds,
  serraLower,
  serraUpper,
  trivialUpper,
  udlMaxRegions,
  zaslavsky,
} from './bounds.ts';
export { MAX_BOUND_HIDDEN_UNITS } from './bounds-limits.ts';
export { maxRegionsNetwork, problem48Network, sawtoothNetwork } from './construct1d.ts';
export { maxRegions2dNetwork } from './construct2d.ts';
export { MAX_CONSTRUCTED_WEIGHTS, RegionsError } from './errors.ts';
export { activationPattern, patternFunction } from './pattern.ts';
export { type LinearPiece1D, linearPieces1d, type Piece1D, pieces1d } from './pieces1d.ts';
export { centroid, polygonArea } from './polygon.ts';
export { DEFAULT_TOLERANCE, type EnumerationOptions, MAP_TOLERANCE, MAX_REGION_BYTES } from './prepare.ts';
export {
  type BiasScheme,
  type RandomDepthOptions,
  type RandomDepthRow,
  randomRegionsByDepth,
} from './random-depth.ts';
export {
  type Eq417Status,
  type LabelledCount,
  type RegionCountKind,
  type RegionSummary,
  regionCountLabel,
  regionSummary,
} from './region-summary.ts';
export {
  countRegions1d,
  type RegionCounts,
  type Regions1D,
  type Regions1DOptions,
  regions1d,
} from './regions1d.ts';
export {
  countRegions2d,
  type LayerBoundary,
  type LayerPartition,
  type Polygon2D,
  type Regions2D,
  type Regions2DOptions,
  regions2d,
} from './regions2d.ts';
export {
  countRegionsOnPlane,
  countRegionsOnSegment,
  regionsOnPlane,
  regionsOnSegment,
  restrictNetwork,
} from './restrict.ts';
export { type LineStatistics, lineStatistics } from './statistics.ts';
export { type Zigzag, zigzag } from './zigzag.ts';
