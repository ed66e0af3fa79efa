/**
 * The row under every widget: export as SVG / PNG, copy a link to this configuration, and a
 * notice line for ignored URL parameters.
 */
import { htmlElement } from './dom.ts';
import { download, svgToPng, svgToString } from './export-image.ts';
import { flushUrlState } from './url-state.ts';

export interface Toolbar {
  element: HTMLElement;
  /** Shows (or clears, with an empty list) notices such as ignored URL parameters. */
  notify(lines: readonly string[]): void;
}

export function createToolbar(
  parent: Element,
  { name, svg, link }: { name: string; svg: () => SVGSVGElement; link?: () => string },
): Toolbar {
  const element = htmlElement('div', { class: 'dn-toolbar' }, parent);
  let restore: ReturnType<typeof setTimeout> | undefined;
  const notice = htmlElement('p', { class: 'dn-notice', role: 'status', hidden: 'hidden' }, element);
  const buttons = htmlElement('div', { class: 'dn-buttons' }, element);
  const button = (text: string, action: () => void | Promise<void>) => {
    const b = htmlElement('button', { type: 'button', class: 'dn-button' }, buttons);
    b.textContent = text;
    b.addEventListener('click', () => void action());
    return b;
  };
  button('Export SVG', () =>
    download(new Blob([svgToString(svg())], { type: 'image/svg+xml' }), `${name}.svg`),
  );
  button('Export PNG', async () => download(await svgToPng(svg()), `${name}.png`));
  if (link) {
    const copy = button('Copy link', async () => {
      // the URL is written at most every 250 ms: write the latest state before reading it
      flushUrlState();
      copy.textContent = await copyText(link());
      clearTimeout(restore);
      restore = setTimeout(() => {
        copy.textContent = 'Copy link';
      }, 2000);
    });
    copy.setAttribute('aria-live', 'polite');
  }
  return {
    element,
    notify(lines) {
      notice.textContent = lines.join(' ');
      notice.hidden = lines.length === 0;
    },
  };
}

/** Copies `text` to the clipboard and says how it went, in words for the button that asked. */
async function copyText(text: string): Promise<string> {
  try {
    if (!navigator.clipboard) return 'Copy failed: no clipboard here';
    await navigator.clipboard.writeText(text);
    return 'Copied';
  } catch {
    return 'Copy failed: the browser refused';
  }
}
