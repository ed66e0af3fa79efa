/** Issue 19 item 9, notation: symbols in the summary (Dᵢ, not D_i) and counted nouns ("1 unit"). */
import { afterEach, describe, expect, it } from 'vitest';
import { host } from '../kit/test-helpers.ts';
import { mountNotation } from './mount.ts';

afterEach(() => document.body.replaceChildren());

const summary = () => document.querySelector('[data-widget="notation"] .dn-summary')?.textContent ?? '';

describe('notation summary', () => {
  it('opens on the 1-3-3-1 network when asked, in words a reader reads', () => {
    const handle = mountNotation(host(), { widths: [1, 3, 3, 1] });
    expect(summary()).toBe(
      'Dᵢ = 1 input, hidden layers of 3, 3 units, Dₒ = 1 output: 22 parameters (K = 2 hidden layers).',
    );
    handle.destroy();
  });

  it('says "1 unit" and "1 hidden layer"', () => {
    const handle = mountNotation(host(), { widths: [2, 1, 1] });
    expect(summary()).toContain('one hidden layer of 1 unit');
    expect(summary()).toContain('(K = 1 hidden layer)');
    expect(summary()).not.toMatch(/D_i|D_o|\b1 units|\b1 hidden layers/);
    handle.destroy();
  });
});
