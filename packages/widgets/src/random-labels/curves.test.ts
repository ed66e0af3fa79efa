import { describe, expect, it } from 'vitest';
import { memorisationOrder, orderSentence } from './curves.ts';

const model = (name: string, epochsTo100: number | null, trainError = epochsTo100 === null ? 0.3 : 0) => ({
  name,
  epochsTo100,
  curve: [{ trainError }],
});

describe('orderSentence', () => {
  it('orders the models when every one reached 100% training accuracy', () => {
    const models = [model('1x298', 900), model('2x100', 500), model('3x75', 300), model('4x63', 200)];
    expect(orderSentence(models, 3000)).toBe(`Fastest first: ${memorisationOrder(models).join(', ')}.`);
    expect(memorisationOrder(models)).toEqual(['4x63', '3x75', '2x100', '1x298']);
  });

  it('gives no order when a model did not finish, and says how many did not', () => {
    const models = [model('1x298', null), model('2x100', null), model('3x75', 300), model('4x63', 200)];
    const sentence = orderSentence(models, 3000);
    expect(sentence).toBe('2 models did not reach 100% within 3,000 epochs, so no order is given.');
    expect(sentence).not.toMatch(/Fastest/);
    expect(orderSentence([model('a', null)], 10)).toMatch(/^1 model did not/);
  });
});
