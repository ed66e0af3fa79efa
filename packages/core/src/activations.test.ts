import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPiecewiseLinear } from './activation-types.ts';
import { builtinActivations } from './activations.ts';
import { getActivation, registry } from './default-registry.ts';
import { UnknownNameError } from './errors.ts';

describe('built-in activations', () => {
  const z = fc.double({ min: -6, max: 6, noNaN: true });

  it.each(builtinActivations.map((a) => [a.name, a] as const))(
    '%s: derivative agrees with central finite differences',
    (_, act) => {
      const h = 1e-5;
      const kinks = isPiecewiseLinear(act) ? act.breakpoints : [];
      fc.assert(
        fc.property(
          z.filter((v) => kinks.every((b) => Math.abs(v - b) > 2 * h)),
          (v) => {
            const fd = (act.f(v + h) - act.f(v - h)) / (2 * h);
            expect(Math.abs(act.derivative(v) - fd)).toBeLessThan(1e-5);
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  it("takes the slope on the left at a breakpoint (ReLU'[0] = 0)", () => {
    const act = (name: string) => getActivation(name);
    expect(act('relu').derivative(0)).toBe(0);
    expect(act('relu').derivative(Number.MIN_VALUE)).toBe(1);
    expect(act('abs').derivative(0)).toBe(-1);
    expect(act('leaky-relu').derivative(0)).toBe(0.1);
    expect(act('relu').f(0)).toBe(0);
  });

  it('declares ReLU, leaky ReLU, abs, hard tanh and identity piecewise linear; the rest smooth', () => {
    const pwl = builtinActivations.filter(isPiecewiseLinear).map((a) => a.name);
    expect(pwl).toEqual(['relu', 'leaky-relu', 'abs', 'hard-tanh', 'identity']);
    for (const name of ['tanh', 'sigmoid', 'softplus', 'gelu'])
      expect(isPiecewiseLinear(getActivation(name))).toBe(false);
  });

  it('ReLU, abs, hard tanh, leaky ReLU and softplus match their closed forms', () => {
    // Numbers are compared with ===, so that 0 and -0 count as equal.
    const same = (a: number, b: number): void => {
      expect(a === b, `${a} vs ${b}`).toBe(true);
    };
    fc.assert(
      fc.property(z, (v) => {
        same(getActivation('relu').f(v), Math.max(0, v));
        same(getActivation('abs').f(v), Math.abs(v));
        same(getActivation('hard-tanh').f(v), Math.min(1, Math.max(-1, v)));
        expect(getActivation('leaky-relu').f(v)).toBeCloseTo(Math.max(0.1 * v, v), 14);
        expect(getActivation('softplus').f(v)).toBeCloseTo(Math.log(1 + Math.exp(v)), 12);
      }),
    );
  });

  it('an unknown name lists the known ones', () => {
    expect(() => getActivation('swish')).toThrow(UnknownNameError);
    expect(() => getActivation('swish')).toThrow(registry.names('activation').join(', '));
  });
});
