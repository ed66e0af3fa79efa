/**
 * Helpers for the browser tests of a widget's network file controls (kit/network-file.ts):
 * capture the file Export network offers, open a file through the picker or by drop, and compare
 * networks bit for bit.
 */
import { type Network, parseNetworkJson } from '@deepnets/core';
import { expect, vi } from 'vitest';

/** Every number of `net` in order (weights row by row, then biases, layer by layer). */
export const networkNumbers = (net: Network): number[] =>
  net.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);

/** Bit-for-bit equality of two lists of doubles (Object.is: -0 differs from 0, NaN equals NaN). */
export const sameBits = (a: number[], b: number[]): boolean =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * Chooses `choice` in the widget's "Network to export" select (when it offers several networks),
 * clicks the Export network button inside `scope` and returns the file it offered instead of
 * downloading it: its text, download name and the network as core's parser reads it.
 */
export async function exportedNetwork(
  scope: ParentNode,
  choice?: string,
): Promise<{ text: string; fileName: string; network: Network }> {
  if (choice !== undefined) {
    const select = scope.querySelector('select[data-param="export-network"]') as HTMLSelectElement;
    select.value = choice;
    select.dispatchEvent(new Event('change'));
  }
  let blob: Blob | undefined;
  let fileName = '';
  const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blob = b as Blob;
    return 'blob:captured';
  });
  const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    fileName = this.download;
  });
  (scope.querySelector('button[data-action="export-network"]') as HTMLButtonElement).click();
  created.mockRestore();
  clicked.mockRestore();
  expect(blob?.type).toBe('application/json');
  const text = await (blob as Blob).text();
  return { text, fileName, network: parseNetworkJson(text) };
}

/** Opens `text` as the file `name` through the network controls' hidden file input in `scope`. */
export function pickNetworkFile(scope: ParentNode, name: string, text: string): void {
  const input = scope.querySelector('.dn-network-file input[type="file"]') as HTMLInputElement;
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: 'application/json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

/** Drops `text` as the file `name` on `target` (dragover, then drop). */
export function dropNetworkFile(target: HTMLElement, name: string, text: string): void {
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: 'application/json' }));
  target.dispatchEvent(
    new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
  );
  target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
}
