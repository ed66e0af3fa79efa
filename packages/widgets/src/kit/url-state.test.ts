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
  });

  it('reads only its own prefix', () => {
    expect(readUrlState('w', schema, '?v.layers=3').values).toEqual({});
  });
});
