import { describe, expect, it } from 'vitest';
import { readUrlState, type UrlSchema, writeUrlState } from './url-state.ts';

const schema: UrlSchema = {
  'theta.1.0': { type: 'number', min: -3, max: 3 },
  layers: { type: 'integer', min: 1, max: 8 },
  activation: { type: 'choice', values: ['relu', 'abs'] },
};

describe('URL state', () => {
  it('round-trips values, replaces its own old parameters and leaves others alone', () => {
    const search = writeUrlState(
      'w',
      { 'theta.1.0': 0.25, layers: 3, activation: 'abs' },
      '?other=1&w.old=2',
    );
    expect(new URLSearchParams(search).get('other')).toBe('1');
    expect(new URLSearchParams(search).has('w.old')).toBe(false);
    expect(readUrlState('w', schema, search)).toEqual({
      values: { 'theta.1.0': 0.25, layers: 3, activation: 'abs' },
      notices: [],
    });
    expect(readUrlState('w', schema, '?w.old=2').notices).toEqual(['Ignored unknown URL parameter "w.old".']);
  });

  it('ignores malformed, out-of-range and hostile values with a notice each', () => {
    const search =
      '?w.theta.1.0=NaN&w.layers=2.5&w.activation=%3Cscript%3Ealert(1)%3C/script%3E&w.theta.1.0=9&w.layers=';
    const { values, notices } = readUrlState('w', schema, search);
    expect(values).toEqual({});
    expect(notices).toHaveLength(5);
    expect(notices[2]).toContain('expected one of relu, abs');
    expect(notices[1]).toContain('expected a whole number from 1 to 8');
    expect(notices[0]).toContain('expected a number from -3 to 3');
    for (const n of notices) expect(n).not.toMatch(/\ba integer\b/);
  });

  it('reads only its own prefix', () => {
    expect(readUrlState('w', schema, '?v.layers=3').values).toEqual({});
  });
});

describe('URL state: hostile queries (issue 14)', () => {
  it('prototype names are unknown parameters, never schema fields or prototype writes', () => {
    const search = '?w.constructor=1&w.__proto__=2&w.toString=x&w.hasOwnProperty=3&w.layers=2';
    const { values, notices } = readUrlState('w', schema, search);
    expect(values).toEqual({ layers: 2 });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(notices).toEqual([
      'Ignored unknown URL parameter "w.constructor".',
      'Ignored unknown URL parameter "w.__proto__".',
      'Ignored unknown URL parameter "w.toString".',
      'Ignored unknown URL parameter "w.hasOwnProperty".',
    ]);
  });

  it('a schema that does hold "__proto__" gets it as an own value, not as a prototype', () => {
    const odd: UrlSchema = JSON.parse('{"__proto__": {"type": "integer", "min": 0, "max": 9}}');
    const { values } = readUrlState('w', odd, '?w.__proto__=3');
    expect(Object.hasOwn(values, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it('notices stay short for a 1 MB parameter name or value', () => {
    const long = 'n'.repeat(1_000_000);
    const { notices } = readUrlState('w', schema, `?w.${long}=1&w.layers=${long}`);
    expect(notices).toHaveLength(2);
    for (const notice of notices) expect(notice.length).toBeLessThan(200);
  });
});
