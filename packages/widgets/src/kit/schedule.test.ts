import { afterEach, describe, expect, it, vi } from 'vitest';
import { leadingAndSettled } from './schedule.ts';

afterEach(() => vi.useRealTimers());

describe('leadingAndSettled', () => {
  it('runs the first request at once and a burst once more after it settles', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    let runs = 0;
    const s = leadingAndSettled(() => runs++, 250);
    s.run();
    expect(runs).toBe(1);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(16);
      s.run();
    }
    expect(runs).toBe(1);
    vi.advanceTimersByTime(249);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(2);
  });

  it('counts the quiet time from the end of a slow run, so a drag on a loaded machine stays one run', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let runs = 0;
    // Each run takes 300 ms, longer than the quiet time.
    const s = leadingAndSettled(() => {
      runs++;
      now += 300;
    }, 250);
    s.run();
    for (let i = 0; i < 5; i++) {
      now += 16;
      s.run();
    }
    expect(runs).toBe(1);
    vi.advanceTimersByTime(250);
    expect(runs).toBe(2);
    s.cancel();
  });
});
