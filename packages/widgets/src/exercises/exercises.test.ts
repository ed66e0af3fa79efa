import { createRng } from '@deepnets/core';
import { problem48Network } from '@deepnets/regions';
import { describe, expect, it } from 'vitest';
import { bruteForceRegions1d } from '../kit/brute-force-regions.ts';
import { AnswerFormatError, groupDigits, parseIntegerAnswer, parseNumberList } from './answers.ts';
import { figure41Networks, problem41, problem42, problem43 } from './problems-composing.ts';
import { problem48, problem410, problem411 } from './problems-counting.ts';
import { findScalingIdentity, SCALE_CHOICES } from './scaling.ts';
import { initialState, solvedCount, withAnswer, withCheck, withSolution } from './state.ts';

describe('answers', () => {
  it('reads separators and powers exactly', () => {
    expect(parseIntegerAnswer('60,466,176')).toBe(60466176n);
    expect(parseIntegerAnswer(' 6^10 ')).toBe(6n ** 10n);
    expect(parseIntegerAnswer('2^3^2')).toBe(512n);
    expect(parseNumberList('4, -12; 9 -6')).toEqual([4, -12, 9, -6]);
    expect(parseNumberList('1/6 2/6')).toEqual([1 / 6, 2 / 6]);
    expect(groupDigits(60466176n)).toBe('60,466,176');
  });
  it('rejects what is not a number with a typed error', () => {
    for (const bad of ['', 'abc', '3.5', '6^', '2^99999']) {
      expect(() => parseIntegerAnswer(bad)).toThrow(AnswerFormatError);
    }
    expect(() => parseNumberList('1, x')).toThrow(/item 2/);
  });
});

describe('problem 4.1 (composition of Figure 4.1)', () => {
  it('accepts the counts a dense sampler finds and rejects others', () => {
    const { first, composed } = figure41Networks();
    const one = bruteForceRegions1d(first, [-1, 1]).linear;
    const both = bruteForceRegions1d(composed, [-1, 1]).linear;
    expect(problem41.check({ first: String(one), composed: String(both) }).correct).toBe(true);
    const wrong = problem41.check({ first: String(one), composed: String(both + 1) });
    expect(wrong.correct).toBe(false);
    expect(wrong.fields.first?.ok).toBe(true);
    expect(wrong.fields.composed?.ok).toBe(false);
    expect(problem41.solution().at(-1)).toContain(`${both} linear regions`);
  });
});

describe('problem 4.2 (section 4.4 network)', () => {
  it('K = 3, widths 4, 2, 3 and 43 parameters (DESIGN ground truth)', () => {
    expect(problem42.check({ depth: '3', widths: '4, 2, 3', parameters: '43' }).correct).toBe(true);
    const v = problem42.check({ depth: '3', widths: '4 2', parameters: '42' });
    expect(v.fields.widths?.ok).toBe(false);
    expect(v.fields.parameters?.ok).toBe(false);
  });
});

describe('problem 4.3 (scaling identity)', () => {
  it('the only surviving choice is F = G = lambda_0 lambda_1, H = lambda_0', () => {
    const found = findScalingIdentity();
    expect(SCALE_CHOICES[found.outer]).toBe('lambda_0 lambda_1');
    expect(SCALE_CHOICES[found.beta1]).toBe('lambda_0 lambda_1');
    expect(SCALE_CHOICES[found.beta0]).toBe('lambda_0');
    expect(
      problem43.check({ outer: 'lambda_0 lambda_1', beta1: 'lambda_0 lambda_1', beta0: 'lambda_0' }).correct,
    ).toBe(true);
    expect(
      problem43.check({ outer: 'lambda_1', beta1: 'lambda_0 lambda_1', beta0: 'lambda_0' }).correct,
    ).toBe(false);
  });
  it('the identity holds on fresh random draws (independent of the checker)', () => {
    const rng = createRng(7);
    for (let t = 0; t < 50; t++) {
      const [w0, w1, b0, b1, x, l0, l1] = Array.from({ length: 7 }, () => rng.uniform() * 4 - 2);
      const s0 = Math.abs(l0 as number) + 0.1;
      const s1 = Math.abs(l1 as number) + 0.1;
      const relu = (z: number) => Math.max(0, z);
      const left = relu(
        (b1 as number) + s1 * (w1 as number) * relu((b0 as number) + s0 * (w0 as number) * (x as number)),
      );
      const right =
        s0 *
        s1 *
        relu(
          (b1 as number) / (s0 * s1) +
            (w1 as number) * relu((b0 as number) / s0 + (w0 as number) * (x as number)),
        );
      expect(Math.abs(left - right)).toBeLessThan(1e-12);
    }
  });
});

describe('problem 4.8 (four-piece zig-zag composed)', () => {
  it('4, 16, 64 regions, as a dense sampler counts them', () => {
    const counts = [0, 1, 2].map((c) => bruteForceRegions1d(problem48Network(c), [0, 1], 40000).linear);
    expect(counts).toEqual([4, 16, 64]);
    const answers = { phi: '4, -12, 9, -6', one: '4', two: '16', three: '64' };
    expect(problem48.check(answers).correct).toBe(true);
    expect(problem48.check({ ...answers, three: '48' }).fields.three?.ok).toBe(false);
  });
  it('accepts any phi that oscillates, rejects one that does not', () => {
    expect(problem48.check({ phi: '4, -12, 9, -6' }).fields.phi?.ok).toBe(true);
    // the mirrored zig-zag 1 - y oscillates too
    expect(problem48.check({ phi: '-3, 12, -9, 6' }).fields.phi?.ok).toBe(true);
    expect(problem48.check({ phi: '1, 2, 3, 4' }).fields.phi?.ok).toBe(false);
    expect(problem48.check({ phi: '4, -12, 9' }).fields.phi?.note).toMatch(/4 numbers/);
  });
});

describe('problems 4.10 and 4.11 (closed forms)', () => {
  const formula = (k: number, d: number) => 3 * d + 1 + (k - 1) * d * (d + 1);
  it('4.10 matches 3D + 1 + (K - 1) D (D + 1)', () => {
    expect(problem410.check({ small: String(formula(3, 4)), large: String(formula(10, 5)) }).correct).toBe(
      true,
    );
    expect(problem410.check({ small: String(formula(3, 4) + 1), large: '' }).correct).toBe(false);
  });
  it('4.11: 286 and 286 parameters, 96 against 6^10 = 60,466,176 regions', () => {
    const answers = {
      shallowParameters: String(formula(1, 95)),
      deepParameters: String(formula(10, 5)),
      shallowRegions: String(95 + 1),
      deepRegions: '60,466,176',
    };
    expect(problem411.check(answers).correct).toBe(true);
    expect(problem411.check({ ...answers, deepRegions: '6^10' }).correct).toBe(true);
    expect(problem411.check({ ...answers, deepRegions: '161,051' }).fields.deepRegions?.ok).toBe(false);
  });
});

describe('state', () => {
  it('answers, checks and reveals; a new answer drops the old verdict', () => {
    let s = initialState({ only: ['4.8'] });
    s = withAnswer(s, '4.8', 'one', '4');
    s = withCheck(s, '4.8');
    expect(s.verdicts['4.8']?.fields.one?.ok).toBe(true);
    expect(solvedCount(s)).toBe(0);
    s = withAnswer(s, '4.8', 'two', '16');
    expect(s.verdicts['4.8']).toBeUndefined();
    s = withSolution(s, '4.8', true);
    expect(s.revealed).toEqual(['4.8']);
    expect(withSolution(s, '4.8', false).revealed).toEqual([]);
    expect(() => initialState({ only: ['9.9'] })).toThrow(/unknown exercise/);
  });
});
