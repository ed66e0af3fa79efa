/** Browser-test helper: the file a widget's "Export network" offers, captured instead of downloaded. */
import { type Network, parseNetworkJson } from '@deepnets/core';
import { vi } from 'vitest';

/**
 * Chooses `choice` (when the widget offers several networks), clicks Export network and returns the
 * file's text and its network as core's parser reads it.
 */
export async function exportedNetwork(
  root: HTMLElement,
  choice?: string,
): Promise<{ text: string; network: Network; fileName: string }> {
  if (choice !== undefined) {
    const select = root.querySelector('select[data-param="export-network"]') as HTMLSelectElement;
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
  (root.querySelector('button[data-action="export-network"]') as HTMLButtonElement).click();
  created.mockRestore();
  clicked.mockRestore();
  if (!blob) throw new Error('Export network offered no file');
  const text = await blob.text();
  return { text, network: parseNetworkJson(text), fileName };
}
