/**
 * The whole job of a docs wrapper: mount a framework-free widget into the component's element
 * once it is in the page (never during the SSR build) and destroy it on unmount — also when the
 * component unmounts while an asynchronous mount (waiting for the worker) is still under way.
 */
import { onBeforeUnmount, onMounted, type Ref, ref } from 'vue';

interface Destroyable {
  destroy(): void;
}

/** Returns the ref to put on the host element: `<div ref="host" class="dn-host" />`. */
export function useWidget(
  mount: (element: HTMLElement) => Destroyable | Promise<Destroyable>,
): Ref<HTMLElement | undefined> {
  const host = ref<HTMLElement>();
  let handle: Destroyable | undefined;
  let unmounted = false;
  onMounted(async () => {
    if (!host.value) return;
    const mounted = await mount(host.value);
    if (unmounted) mounted.destroy();
    else handle = mounted;
  });
  onBeforeUnmount(() => {
    unmounted = true;
    handle?.destroy();
  });
  return host;
}
