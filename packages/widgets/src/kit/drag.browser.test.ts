import { afterEach, describe, expect, it } from 'vitest';
import { svgElement } from './dom.ts';
import { arrowSteps, draggable, svgPoint } from './drag.ts';

afterEach(() => document.body.replaceChildren());

describe('draggable and arrowSteps', () => {
  it('reports a touch drag in viewBox units, and stops after the pointer is released', () => {
    const svg = svgElement('svg', { viewBox: '0 0 100 50', width: 200, height: 100 }, document.body);
    const handle = svgElement('circle', { cx: 10, cy: 10, r: 5 }, svg);
    const moves: { x: number; y: number }[] = [];
    const stop = draggable(handle, svg, { move: (p) => moves.push(p) });
    const r = svg.getBoundingClientRect();
    const at = (x: number, y: number) => ({ clientX: r.left + 2 * x, clientY: r.top + 2 * y });
    const init = { bubbles: true, pointerId: 3, pointerType: 'touch' };
    handle.dispatchEvent(new PointerEvent('pointerdown', { ...init, ...at(10, 10) }));
    handle.dispatchEvent(new PointerEvent('pointermove', { ...init, ...at(30, 20) }));
    handle.dispatchEvent(new PointerEvent('pointerup', { ...init, ...at(30, 20) }));
    handle.dispatchEvent(new PointerEvent('pointermove', { ...init, ...at(40, 20) }));
    expect(moves).toHaveLength(1);
    expect(moves[0]?.x).toBeCloseTo(30, 6);
    expect(moves[0]?.y).toBeCloseTo(20, 6);
    expect(svgPoint(svg, at(50, 25)).x).toBeCloseTo(50, 6);
    stop();
  });

  it('turns arrow keys into unit steps, ten with Shift, and ignores other keys', () => {
    const element = document.body.appendChild(document.createElement('div'));
    const steps: [number, number][] = [];
    const stop = arrowSteps(element, (dx, dy) => steps.push([dx, dy]));
    for (const [key, shiftKey] of [
      ['ArrowLeft', false],
      ['ArrowUp', true],
      ['a', false],
    ] as const)
      element.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true }));
    expect(steps).toEqual([
      [-1, 0],
      [0, 10],
    ]);
    stop();
  });
});
