import { DeepnetsError, evaluate } from '@deepnets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shallowJoints } from '../kit/shallow-joints.ts';
import { DEFAULT_SHALLOW, networkOf, parametersOf, sampleInputs, shallowUrlSchema } from './state.ts';

const relu = (z: number) => Math.max(0, z);
const param = fc.double({ min: -3, max: 3, noNaN: true });
const theta = fc.array(fc.tuple(param, param), { minLength: 1, maxLength: 4 });

describe('shallow-network state', () => {
  it('networkOf computes y = phi_0 + sum_d phi_d relu(theta_d0 + theta_d1 x), written out by hand', () => {
    fc.assert(
      fc.property(theta, fc.array(param, { minLength: 5, maxLength: 5 }), param, (t, p, x) => {
        const phi = p.slice(0, t.length + 1);
        const net = networkOf({ theta: t, phi, activation: 'relu' });
        const direct = t.reduce(
          (y, [b, w], d) => y + (phi[d + 1] as number) * relu(b + w * x),
          phi[0] as number,
        );
        expect(evaluate(net, [x])[0]).toBeCloseTo(direct, 12);
      }),
    );
  });

  it('samples the domain in equal steps and adds every joint exactly, sorted', () => {
    const joints = shallowJoints(DEFAULT_SHALLOW.theta, 'relu', [0, 1]);
    const xs = sampleInputs([0, 1], 200, joints);
    expect(xs.length).toBe(201 + joints.length);
    for (const j of joints) expect(xs.includes(j.x)).toBe(true);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThanOrEqual(xs[i - 1] as number);
    expect([xs[0], xs.at(-1)]).toEqual([0, 1]);
  });

  it('reads theta, phi and the activation back from the network it built', () => {
    fc.assert(
      fc.property(theta, fc.array(param, { minLength: 5, maxLength: 5 }), (t, p) => {
        const phi = p.slice(0, t.length + 1);
        const back = parametersOf(networkOf({ theta: t, phi, activation: 'relu' }), t.length);
        expect(back).toEqual({ theta: t, phi, activation: 'relu' });
      }),
    );
  });

  it('refuses a network of another shape, or one a slider cannot show, saying where', () => {
    const two = networkOf({ theta: [[0, 1]], phi: [0, 1], activation: 'relu' });
    const wrong = () => parametersOf(two, 3);
    expect(wrong).toThrow(DeepnetsError);
    expect(wrong).toThrow(/1-3-1.*1-1-1/);
    const big = networkOf({
      theta: [
        [0, 1],
        [0, 7],
        [0, 1],
      ],
      phi: [0, 1, 1, 1],
      activation: 'relu',
    });
    try {
      parametersOf(big, 3);
      expect.unreachable();
    } catch (e) {
      expect((e as DeepnetsError).code).toBe('INVALID_NETWORK');
      expect((e as DeepnetsError).path).toBe('layers[0].weights[1]');
    }
  });

  it('has a URL key for each of the 3D + 1 parameters', () => {
    for (const units of [1, 3, 5]) expect(Object.keys(shallowUrlSchema(units))).toHaveLength(3 * units + 1);
  });
});
