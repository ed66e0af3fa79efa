import { afterEach, describe, expect, it } from 'vitest';
import { host, setSearch, urlSearch } from '../kit/test-helpers.ts';
import { type CombiningState, mountCombining } from './mount.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

function mountWithState(options: Parameters<typeof mountCombining>[1] = {}) {
  const element = host();
  const box: { state?: CombiningState } = {};
  const handle = mountCombining(element, options);
  handle.subscribe((s) => {
    box.state = s;
  });
  handle.update({});
  return { element, handle, box };
}

describe('combining widget in Chromium', () => {
  it('writes the five steps with the numbers, shows rank one and agrees at the cursor', () => {
    const { element, handle, box } = mountWithState();
    const steps = element.querySelectorAll('[data-role="derivation"] > li');
    expect(steps).toHaveLength(5);
    for (const step of steps) expect(step.querySelector('math')).not.toBeNull();
    // Step 3 of the 9-region pair: psi_10 = 1.5 + 1 * (-1) = 0.5, Psi rows (3, -6, 6).
    const psiStep = steps[2]?.textContent ?? '';
    expect(psiStep).toContain('0.5');
    expect(psiStep).toMatch(/3\s*[−-]\s*6\s*6/);
    expect(element.querySelector('[data-rank]')?.getAttribute('data-rank')).toBe('1');
    expect(box.state?.rank).toBe(1);
    expect(box.state?.check.agree).toBe(true);
    expect(element.querySelector('[data-agree]')?.getAttribute('data-agree')).toBe('true');
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });

  it('moves the check with the pointer and the arrow keys', () => {
    const { element, handle, box } = mountWithState();
    const svg = element.querySelector('[data-panel="composition"] svg') as SVGSVGElement;
    const m = svg.getScreenCTM() as DOMMatrix;
    // x = 0.5 sits at viewBox x 44 + 0.75 * 260 in the 320-wide plot.
    const vx = 44 + 0.75 * 260;
    svg.dispatchEvent(
      new PointerEvent('pointermove', {
        bubbles: true,
        pointerType: 'mouse',
        clientX: m.a * vx + m.e,
        clientY: m.d * 100 + m.f,
      }),
    );
    expect(box.state?.check.x).toBeCloseTo(0.5, 6);
    expect(box.state?.check.agree).toBe(true);
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(box.state?.check.x).toBeCloseTo(0.49, 6);
    expect(element.querySelector('[data-role="check"]')?.textContent).toContain('x = 0.490');
    handle.destroy();
  });

  it('follows the sliders: new numbers in the steps, still rank one', async () => {
    const { element, handle, box } = mountWithState();
    const slider = element.querySelector('input[data-param="n2.theta.1.1"]') as HTMLInputElement;
    slider.value = '2';
    slider.dispatchEvent(new Event('input'));
    expect(box.state?.psi[0]).toEqual([6, -12, 12]);
    expect(box.state?.rank).toBe(1);
    // The derivation follows once the input settles (it is not rebuilt on every drag event).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(element.querySelectorAll('[data-role="derivation"] > li')[2]?.textContent).toMatch(
      /6\s*[−-]\s*12\s*12/,
    );
    handle.destroy();
  });

  it('contrasts a free Psi: 22 parameters, 16 regions, rank 3, out of reach of any composition', () => {
    const { element, handle, box } = mountWithState();
    const free = element.querySelector('[data-role="free-psi"]') as HTMLElement;
    const regions = () => free.querySelector('[data-of="free"][data-regions]')?.getAttribute('data-regions');
    expect(regions()).toBe('16');
    expect(free.querySelector('[data-rank]')?.getAttribute('data-rank')).toBe('3');
    expect(free.dataset.verdict).toBe('unreachable');
    expect(free.textContent).toContain('22 parameters');
    const rankOne = [...free.querySelectorAll('button')].find((b) => b.textContent?.includes('rank 1'));
    rankOne?.click();
    expect(regions()).toBe('16');
    expect(free.dataset.verdict).toBe('possible');
    expect(box.state?.free.rank).toBe(1);
    handle.destroy();
  });

  it('reads the URL (pair and free Psi) and writes changes back', () => {
    setSearch('?cmb.psi.1.1=-3&cmb.n1.phi.0=-0.5&cmb.psi.4.4=1');
    const { element, handle, box } = mountWithState({ urlPrefix: 'cmb' });
    expect(box.state?.pair.phi1[0]).toBe(-0.5);
    expect((element.querySelector('input[data-param="psi.1.1"]') as HTMLInputElement).value).toBe('-3');
    expect(element.querySelector('.dn-notice')?.textContent).toContain('cmb.psi.4.4');
    expect(new URLSearchParams(urlSearch()).get('cmb.psi.1.1')).toBe('-3');
    handle.destroy();
  });
});
