/**
 * Opening a local file two ways: a button that opens the file picker, and dropping a file on a
 * target element (which shows `dn-drop-over` while a file is dragged over it). The file is read
 * as text on the page; nothing is uploaded.
 */
import { htmlElement } from './dom.ts';

export interface FileOpenOptions {
  /** The button's text, e.g. "Open network…". */
  label: string;
  /** The picker's filter, e.g. ".json,application/json". */
  accept: string;
  /** `data-action` of the button. */
  action: string;
  /** The element a file may be dropped on (none: picker only). */
  dropTarget?: HTMLElement;
  /** Called with the file's name and text. */
  open(name: string, text: string): void;
}

export interface FileOpen {
  button: HTMLButtonElement;
  input: HTMLInputElement;
  /** Removes the drop listeners. */
  destroy(): void;
}

/** The first file of a drop or of the picker, or undefined. */
const firstFile = (files: FileList | null | undefined): File | undefined => files?.[0] ?? undefined;

/** A picker button in `parent` and, optionally, a drop target; both call `open`. */
export function createFileOpen(parent: Element, options: FileOpenOptions): FileOpen {
  const button = htmlElement(
    'button',
    { type: 'button', class: 'dn-button', 'data-action': options.action },
    parent,
  );
  button.textContent = options.label;
  const input = htmlElement('input', { type: 'file', accept: options.accept, hidden: 'hidden' }, parent);
  input.setAttribute('aria-label', options.label);
  const read = async (file: File | undefined) => {
    if (file) options.open(file.name, await file.text());
  };
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    void read(firstFile(input.files));
    input.value = '';
  });
  const stopDrop = options.dropTarget ? dropFiles(options.dropTarget, options.open) : () => {};
  return {
    button,
    input,
    destroy: stopDrop,
  };
}

/**
 * Files dropped on `target` are read as text and passed to `open`; `target` has the class
 * `dn-drop-over` while a file is dragged over it. Returns the function that removes the listeners.
 */
export function dropFiles(target: HTMLElement, open: (name: string, text: string) => void): () => void {
  const over = (e: DragEvent) => {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    target.classList.add('dn-drop-over');
  };
  const leave = () => target.classList.remove('dn-drop-over');
  const drop = (e: DragEvent) => {
    const file = firstFile(e.dataTransfer?.files);
    leave();
    if (!file) return;
    e.preventDefault();
    void file.text().then((text) => open(file.name, text));
  };
  target.addEventListener('dragover', over);
  target.addEventListener('dragleave', leave);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragover', over);
    target.removeEventListener('dragleave', leave);
    target.removeEventListener('drop', drop);
  };
}
