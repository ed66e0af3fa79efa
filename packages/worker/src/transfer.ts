/**
 * Transfer lists: the `ArrayBuffer`s behind typed arrays that a result hands over to the other
 * thread (moved, not copied; the sender's views become empty). Each buffer is listed once, so a
 * result may hold several views of one buffer (`regions1d`'s `breakpoints` is a view of `edges`).
 */
import * as Comlink from 'comlink';

type View = ArrayBufferView | undefined;

/** Marks `value` so that comlink transfers the buffers of `views` instead of copying them. */
export function transferViews<T>(value: T, views: Iterable<View>): T {
  const buffers = new Set<ArrayBuffer>();
  for (const view of views) {
    if (view && view.buffer instanceof ArrayBuffer && view.buffer.byteLength > 0) buffers.add(view.buffer);
  }
  return Comlink.transfer(value, [...buffers]);
}
