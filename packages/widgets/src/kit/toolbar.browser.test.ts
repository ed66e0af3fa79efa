import { afterEach, describe, expect, it } from 'vitest';
import { createToolbar } from './toolbar.ts';

const svg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');
const copyButton = (root: Element) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Cop')) as HTMLButtonElement;
const settle = () => new Promise((r) => setTimeout(r, 20));
const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');

afterEach(() => {
  document.body.replaceChildren();
  if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
});

describe('toolbar in Chromium', () => {
  it('says "Copied" after copying the link, and what went wrong when the browser refuses', async () => {
    let written = '';
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => ({ writeText: async (t: string) => void (written = t) }),
    });
    createToolbar(document.body, { name: 't', svg, link: () => 'https://x.test/?a=1' });
    const button = copyButton(document.body);
    expect(button.textContent).toBe('Copy link');
    button.click();
    await settle();
    expect(written).toBe('https://x.test/?a=1');
    expect(button.textContent).toBe('Copied');

    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => ({
        writeText: async () => {
          throw new DOMException('denied', 'NotAllowedError');
        },
      }),
    });
    button.click();
    await settle();
    expect(button.textContent).toMatch(/^Copy failed/);
  });
});
