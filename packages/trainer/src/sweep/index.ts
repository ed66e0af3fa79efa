/** Sweeps: spec, plan, one trial, curves with seed bands, and their plot. */
export {
  type BandPoint,
  type CurveGroup,
  type CurveTrial,
  SWEEP_CURVES_FORMAT,
  type SweepCurves,
  spread,
  sweepCurves,
} from './curves.ts';
export {
  canonicalJson,
  fnv1a64,
  groupKey,
  type PlannedTrial,
  planSweep,
  type TrialSettings as SweepTrialSettings,
  trialId,
} from './plan.ts';
export { sweepSvg } from './plot.ts';
export { type AxisValue, parseSweepSpec, type SweepGrid } from './spec.ts';
export {
  runSweepTrial,
  type SweepPoint,
  type SweepTrialOptions,
  type SweepTrialState,
} from './trial.ts';
