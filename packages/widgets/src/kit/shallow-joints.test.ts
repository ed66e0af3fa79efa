import { evaluate, shallowNetwork } from '@deepnets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shallowJoints } from './shallow-joints.ts';

describe('shallowJoints', () => {
  it('finds network 1 of UDL notebook 4.1 switching at 0, 0 and 0.67', () => {
    const theta = [
      [0, -1],
      [0, 1],
      [-0.67, 1],
    ];
    expect(shallowJoints(theta, 'relu', [0, 1]).map((j) => [j.unit, j.x])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0.67],
    ]);
  });

  it('uses every breakpoint of the activation (hard tanh switches at -1 and 1)', () => {
    expect(shallowJoints([[0, 2]], 'hard-tanh', [-1, 1]).map((j) => j.x)).toEqual([-0.5, 0.5]);
  });

  it('marks exactly where the slope of the function changes (checked by finite differences)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0.2, max: 2, noNaN: true })),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (theta) => {
          const phi = [0, ...theta.map((_, d) => d + 1)];
          const net = shallowNetwork({ theta, phi: [phi] });
          const f = (x: number) => evaluate(net, [x])[0] as number;
          const h = 1e-6;
          for (const joint of shallowJoints(theta, 'relu', [-1, 1])) {
            const left = (f(joint.x) - f(joint.x - h)) / h;
            const right = (f(joint.x + h) - f(joint.x)) / h;
            // Unit d adds phi_d * theta_d1 > 0 to the slope at its joint.
            expect(right - left).toBeGreaterThan(0.1);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
