/**
 * Networks that travel between the page and the CLI: export a network as a `deepnets.network/v1`
 * file (the format `deepnets regions`, `eval` and `compose` read) and open one, by file picker or
 * drop, with core's parser (also the network in a snapshot, experiment state or snapshots file:
 * kit/network-document.ts). A bad file never throws into the page: its typed error (code, JSON
 * path, message) is shown in the widget's error line.
 */
import { DeepnetsError, type Network, networkToJson } from '@deepnets/core';
import { htmlElement } from './dom.ts';
import { download } from './export-image.ts';
import { createFileOpen } from './file-drop.ts';
import { networkFromDocument } from './network-document.ts';

/** The text of `net` as a `deepnets.network/v1` file (numbers in shortest round-trip form). */
export const networkFileText = (net: Network): string => networkToJson(net);

/** Offers `net` as the download `name` (".json" added when missing). */
export function downloadNetworkFile(net: Network, name: string): void {
  const file = name.endsWith('.json') ? name : `${name}.json`;
  download(new Blob([networkFileText(net)], { type: 'application/json' }), file);
}

/** The outcome of reading a file: the network, or the error to show (with its code). */
export type NetworkFileResult =
  | { ok: true; network: Network; where: string }
  | { ok: false; code: string; message: string };

/**
 * Reads the text of a `deepnets.network/v1` file, then `check` (a widget's own limits, e.g. "2
 * inputs"), which throws a `DeepnetsError` to refuse the network. Never throws.
 */
export function readNetworkFile(text: string, check?: (net: Network) => void): NetworkFileResult {
  try {
    const { network, where } = networkFromDocument(text);
    check?.(network);
    return { ok: true, network, where };
  } catch (e) {
    const code = e instanceof DeepnetsError ? e.code : 'INVALID_FORMAT';
    return { ok: false, code, message: (e as Error).message };
  }
}

export interface NetworkFileControlsOptions {
  /** The file name of an export, without ".json" (e.g. "playground-network"). */
  name: string;
  /**
   * The Export button's text ("Export network"); a widget that shows several networks names each,
   * e.g. "Export shallow network".
   */
  label?: string;
  /** The network to export now (undefined disables Export). */
  network(): Network | undefined;
  /**
   * Receives an opened network that passed `check` (`where`: its place in an experiment file, ''
   * for a network file). Without it the controls only export (no
   * "Open network…" button, no drop): the choice of widgets that show a network they cannot take.
   */
  open?(net: Network, fileName: string, where: string): void;
  /** A widget's own checks on an opened network (throw a `DeepnetsError` to refuse it). */
  check?(net: Network): void;
  /** Where a network file may be dropped. */
  dropTarget?: HTMLElement;
}

export interface NetworkFileControls {
  element: HTMLElement;
  exportButton: HTMLButtonElement;
  /** The error line (hidden when the last file opened fine). */
  error: HTMLElement;
  /** Enables Export when there is a network. */
  refresh(): void;
  /** Opens the text of a file (e.g. one dropped on a target the widget handles itself). */
  openFile(fileName: string, text: string): void;
  /**
   * Shows `error` (a `DeepnetsError`'s code and message) for the file `fileName` in the error
   * line: for a network the widget found it cannot show only after opening it (e.g. its regions).
   */
  fail(fileName: string, error: unknown): void;
  destroy(): void;
}

/**
 * "Export network" and (with `options.open`) "Open network…" buttons, drop on `dropTarget`, and
 * the error line.
 */
export function createNetworkFileControls(
  parent: Element,
  options: NetworkFileControlsOptions,
): NetworkFileControls {
  const element = htmlElement('div', { class: 'dn-buttons dn-network-file' }, parent);
  const exportButton = htmlElement(
    'button',
    { type: 'button', class: 'dn-button', 'data-action': 'export-network' },
    element,
  );
  exportButton.textContent = options.label ?? 'Export network';
  exportButton.title = 'Save the network as a deepnets.network/v1 file (deepnets regions FILE counts it)';
  exportButton.addEventListener('click', () => {
    const net = options.network();
    if (net) downloadNetworkFile(net, options.name);
  });
  const error = htmlElement(
    'p',
    { class: 'dn-notice', role: 'alert', 'data-role': 'network-file-error', hidden: 'hidden' },
    parent,
  );
  const opener = options.open
    ? createFileOpen(element, {
        label: 'Open network…',
        accept: '.json,application/json',
        action: 'open-network',
        ...(options.dropTarget ? { dropTarget: options.dropTarget } : {}),
        open: openFile,
      })
    : undefined;
  function openFile(fileName: string, text: string): void {
    const read = readNetworkFile(text, options.check);
    if (!read.ok) {
      show(fileName, read.code, read.message);
      return;
    }
    error.hidden = true;
    delete error.dataset.code;
    options.open?.(read.network, fileName, read.where);
  }
  function show(fileName: string, code: string, message: string): void {
    error.hidden = false;
    error.dataset.code = code;
    error.textContent = `${fileName.slice(0, 60)}: ${message} [${code}]`;
  }
  const fail = (fileName: string, e: unknown) =>
    show(
      fileName,
      e instanceof DeepnetsError ? e.code : 'INVALID_NETWORK',
      String((e as Error)?.message ?? e),
    );
  const refresh = () => {
    exportButton.disabled = options.network() === undefined;
  };
  refresh();
  return { element, exportButton, error, refresh, openFile, fail, destroy: () => opener?.destroy() };
}

/** Shows or hides `element` (a flex row of buttons, which the `hidden` attribute does not hide). */
export const showElement = (element: HTMLElement, shown: boolean): void => {
  element.style.display = shown ? '' : 'none';
};

/** One network a widget offers for export (see `createNetworkExports`). */
export interface NetworkExport {
  /** `data-network` of its button, e.g. "shallow". */
  key: string;
  /** The file name without ".json". */
  name: string;
  /** The button's text, e.g. "Export shallow network". */
  label: string;
  /** The network now, or undefined while there is none. */
  network(): Network | undefined;
}

export interface NetworkExports {
  /** The Export button of each network, by key. */
  buttons: Record<string, HTMLButtonElement>;
  /** Enables the buttons whose network exists; `hideMissing` hides (not just disables) the others. */
  refresh(hideMissing?: boolean): void;
  destroy(): void;
}

/**
 * Export buttons for a widget that shows several networks (e.g. a shallow and a deep fit): one
 * export-only `createNetworkFileControls` per network, in one row of `parent`.
 */
export function createNetworkExports(parent: Element, exports: readonly NetworkExport[]): NetworkExports {
  const row = htmlElement('div', { class: 'dn-buttons dn-network-exports' }, parent);
  const controls = exports.map((e) => {
    const files = createNetworkFileControls(row, { name: e.name, label: e.label, network: e.network });
    files.exportButton.dataset.network = e.key;
    return { e, files };
  });
  const refresh = (hideMissing = false) => {
    // style.display, not `hidden`: `.dn-buttons { display: flex }` would override the attribute.
    for (const { e, files } of controls) {
      files.refresh();
      showElement(files.element, !(hideMissing && e.network() === undefined));
    }
    showElement(
      row,
      controls.some(({ files }) => files.element.style.display !== 'none'),
    );
  };
  refresh();
  return {
    buttons: Object.fromEntries(controls.map(({ e, files }) => [e.key, files.exportButton])),
    refresh,
    destroy: () => {
      for (const { files } of controls) files.destroy();
    },
  };
}
