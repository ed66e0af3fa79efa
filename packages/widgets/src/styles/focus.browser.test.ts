/**
 * Keyboard focus and touch-target size with the package stylesheet (issue 19: sliders showed no
 * keyboard focus, and controls were smaller than a fingertip). Fails without the stylesheet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { host } from '../kit/test-helpers.ts';
import { mountShallowNetwork } from '../shallow-network/mount.ts';
import stylesheet from './index.css?inline';

afterEach(() => {
  document.head.querySelector('style[data-test]')?.remove();
  document.body.replaceChildren();
});

describe('focus and touch targets with the package stylesheet', () => {
  it('draws a visible ring around a slider reached with the keyboard, and controls are 24 px tall', async () => {
    const style = document.head.appendChild(document.createElement('style'));
    style.dataset.test = '';
    style.textContent = stylesheet;
    mountShallowNetwork(host());
    const slider = document.querySelector<HTMLInputElement>('[data-widget] input[type="range"]');
    expect(slider).not.toBeNull();
    // Reach the first focusable control with Tab, as a keyboard user does.
    while (document.activeElement !== slider) {
      await userEvent.keyboard('{Tab}');
      if (!document.activeElement || document.activeElement === document.body) break;
    }
    expect(document.activeElement).toBe(slider);
    const ring = getComputedStyle(slider as HTMLInputElement);
    expect(ring.outlineStyle).not.toBe('none');
    expect(Number.parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(2);
    for (const control of document.querySelectorAll<HTMLElement>(
      '[data-widget] input[type="range"], [data-widget] button',
    )) {
      expect(control.getBoundingClientRect().height, control.outerHTML.slice(0, 80)).toBeGreaterThanOrEqual(
        24,
      );
    }
  });
});
