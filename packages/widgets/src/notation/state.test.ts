import { countParameters } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { exampleNetwork } from './coefficients.ts';
import { latexBlocks, summaryText } from './state.ts';

describe('notation state (Node, no DOM)', () => {
  it('writes the summary in symbols with counted nouns', () => {
    expect(summaryText(exampleNetwork(1, [1, 3, 3, 1]))).toEqual({
      before: 'Dᵢ = 1 input, hidden layers of 3, 3 units, Dₒ = 1 output: ',
      after: ' (K = 2 hidden layers).',
    });
    expect(summaryText(exampleNetwork(1, [2, 1, 1])).before).toBe(
      'Dᵢ = 2 inputs, one hidden layer of 1 unit, Dₒ = 1 output: ',
    );
  });

  it('gives one LaTeX block per tab, two for the general tab, with every number of the matrix form', () => {
    const net = exampleNetwork(3, [1, 3, 3, 1]);
    expect(latexBlocks(net, 'general', true)).toHaveLength(2);
    const numbers = latexBlocks(net, 'matrix', true)[0]?.match(/-?\d+(\.\d+)?(?![}\d])/g) ?? [];
    expect(numbers.length).toBeGreaterThanOrEqual(countParameters(net));
  });
});
