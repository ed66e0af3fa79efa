import { describe, expect, it } from 'vitest';
import { createThrottle, type ThrottleClock } from './throttle.ts';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  const clock: ThrottleClock = {
    now: () => now,
    setTimeout(callback, ms) {
      timers.set(next, { at: now + ms, callback });
      return next++;
    },
    clearTimeout: (timer) => void timers.delete(timer as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now) {
        timers.delete(id);
        t.callback();
      }
    }
  };
  return { clock, advance, pending: () => timers.size };
}

describe('createThrottle', () => {
  it('sends the first event at once and at most one per interval after that', () => {
    const { clock, advance } = manualClock();
    const sent: number[] = [];
    const throttle = createThrottle((e: number) => sent.push(e), 16, clock);
    throttle.push(1);
    throttle.push(2);
    throttle.push(3);
    expect(sent).toEqual([1]);
    advance(15);
    expect(sent).toEqual([1]);
    advance(1);
    expect(sent).toEqual([1, 3]); // 2 was replaced by the later 3
    advance(100);
    throttle.push(4);
    expect(sent).toEqual([1, 3, 4]);
  });

  it('flush delivers the kept event at once, and only once', () => {
    const { clock, advance, pending } = manualClock();
    const sent: string[] = [];
    const throttle = createThrottle((e: string) => sent.push(e), 16, clock);
    throttle.push('a');
    throttle.push('b');
    throttle.flush();
    expect(sent).toEqual(['a', 'b']);
    expect(pending()).toBe(0);
    advance(50);
    throttle.flush();
    expect(sent).toEqual(['a', 'b']);
  });

  it('with interval 0 sends every event, in order', () => {
    const { clock } = manualClock();
    const sent: number[] = [];
    const throttle = createThrottle((e: number) => sent.push(e), 0, clock);
    for (let i = 0; i < 5; i++) throttle.push(i);
    expect(sent).toEqual([0, 1, 2, 3, 4]);
  });

  it('cancel drops the kept event', () => {
    const { clock, advance } = manualClock();
    const sent: number[] = [];
    const throttle = createThrottle((e: number) => sent.push(e), 16, clock);
    throttle.push(1);
    throttle.push(2);
    throttle.cancel();
    advance(100);
    throttle.flush();
    expect(sent).toEqual([1]);
  });
});
