/**
 * Helpers of the whole-widget browser tests (text size, visual regression): mount a registered
 * widget with the widgets' stylesheet in a host of a given width and wait until it has drawn.
 */
import { corePlugin, createRegistry } from '@deepnets/core';
import { page } from 'vitest/browser';
import { flushUrlState } from '../kit/url-state.ts';
import { getWidget, useWidgetsPlugin, widgetsPlugin } from '../registry.ts';
import stylesheet from '../styles/index.css?inline';

export const WIDGET_NAMES: readonly string[] = widgetsPlugin.widgets.map((w) => w.name);

const registry = useWidgetsPlugin(createRegistry([corePlugin]));

/** Puts the widgets' stylesheet and a fixed font in the page once (same pixels on every machine). */
function ensureStyles(): void {
  if (document.getElementById('dn-visual-style')) return;
  const style = document.createElement('style');
  style.id = 'dn-visual-style';
  style.textContent = `${stylesheet}
    html, body { margin: 0; background: #fff; font-family: 'DejaVu Sans', sans-serif; font-size: 16px; }
    *, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }`;
  document.head.append(style);
}

/** Resolves once `element` has not changed for `quietMs` (or after `maxMs`). */
export function settled(element: Element, quietMs = 400, maxMs = 20_000): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    const limit = setTimeout(done, maxMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    observer.observe(element, { subtree: true, childList: true, attributes: true, characterData: true });
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(limit);
      resolve();
    }
  });
}

export interface Mounted {
  root: HTMLElement;
  /** The widget's handle (subscribe to wait for a state). */
  handle: ReturnType<ReturnType<typeof getWidget>['mount']>;
  destroy(): void;
}

/**
 * Sets the viewport, mounts widget `name` (default options, or `options`) in a host `hostWidth`
 * px wide, waits for it.
 */
export async function mountSettled(
  name: string,
  viewport: { width: number; height: number },
  hostWidth?: number,
  options?: object,
): Promise<Mounted> {
  ensureStyles();
  await page.viewport(viewport.width, viewport.height);
  flushUrlState();
  window.history.replaceState(null, '', window.location.pathname);
  const host = document.body.appendChild(document.createElement('div'));
  host.style.width = hostWidth ? `${hostWidth}px` : 'auto';
  host.style.padding = '8px';
  const handle = getWidget(name, registry).mount(host, options);
  const root = host.querySelector(`[data-widget="${name}"]`) as HTMLElement;
  await settled(host);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return {
    root,
    handle,
    destroy() {
      handle.destroy();
      host.remove();
    },
  };
}
