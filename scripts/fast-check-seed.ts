/**
 * Vitest setup file for the Node test projects. Property tests (fast-check) draw new random inputs
 * on every local run, so they keep exploring; with `CI` set they use one fixed seed, so whether a
 * submission lands never depends on the draw. Either way a failure prints its seed and path, which
 * `fc.assert(..., { seed, path })` replays.
 */
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20_261_127 });
