/**
 * "Export network" for widgets that show networks but do not open them (composition, combining,
 * two outputs): the kit's export-only network-file controls (no `open`) and, when the figure shows
 * several networks (network 1, network 2, their composition), a choice of which one to export.
 * Widgets with a few networks that are each worth a button of their own (the approximation's
 * fits, random-labels' models) use `createNetworkExports` in network-file.ts instead. The file
 * is a `deepnets.network/v1` file that `deepnets regions` counts.
 */
import type { Network } from '@deepnets/core';
import { htmlElement } from './dom.ts';
import { createNetworkFileControls } from './network-file.ts';

export interface ExportChoice {
  /** Part of the file name, the option's value and the key in `networks()`, e.g. "network-1". */
  value: string;
  /** What the reader sees, e.g. "network 1 (x → y)". */
  text: string;
}

export interface NetworkChoiceExport {
  element: HTMLElement;
  exportButton: HTMLButtonElement;
  /** The chosen network's value. */
  chosen(): string;
  /** Enables Export when the chosen network exists. */
  refresh(): void;
  destroy(): void;
}

/** An export row in `parent`: a choice (when there are several networks) and the Export button. */
export function createNetworkExport(
  parent: Element,
  options: {
    name: string;
    choices: readonly ExportChoice[];
    /** The networks the figure shows now, by choice value (undefined before the first draw). */
    networks(): Readonly<Record<string, Network>> | undefined;
  },
): NetworkChoiceExport {
  const element = htmlElement('div', { class: 'dn-row dn-network-export' }, parent);
  const first = options.choices[0];
  if (!first) throw new Error('createNetworkExport needs at least one network');
  let choice = first;
  if (options.choices.length > 1) {
    const label = htmlElement('label', { class: 'dn-select' }, element);
    htmlElement('span', {}, label).textContent = 'Network to export ';
    const select = htmlElement('select', { 'data-param': 'export-network' }, label);
    for (const c of options.choices) htmlElement('option', { value: c.value }, select).textContent = c.text;
    select.addEventListener('change', () => {
      choice = options.choices.find((c) => c.value === select.value) ?? first;
      files.refresh();
    });
  }
  const files = createNetworkFileControls(element, {
    get name() {
      return options.choices.length > 1 ? `${options.name}-${choice.value}` : options.name;
    },
    network: () => options.networks()?.[choice.value],
  });
  return {
    element,
    exportButton: files.exportButton,
    chosen: () => choice.value,
    refresh: files.refresh,
    destroy: files.destroy,
  };
}
