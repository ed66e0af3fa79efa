/**
 * "Your data" row: open a CSV file (picker or drop; a small dialog chooses the two input columns
 * and the label or target column), draw points by class with the mouse or a finger on the
 * decision map, or use the toy "function" data set for regression. Everything stays in the page;
 * bad files show the parser's line and column in the row's error line.
 */
import { DeepnetsError } from '@deepnets/core';
import { htmlElement } from '../kit/dom.ts';
import { svgPoint } from '../kit/drag.ts';
import { createFileOpen } from '../kit/file-drop.ts';
import { type CsvTable, csvDataset, guessCsvChoice, parseCsvTable } from './csv-data.ts';
import { DRAWN_BOX, type DrawnPoint, MAX_DRAWN_POINTS, snapPoint } from './drawn-data.ts';
import type { PlaygroundDataset } from './menus.ts';
import { control, fillSelect, type PlaygroundView } from './view.ts';

export interface DataToolsOptions {
  /** A CSV file's data set was chosen in the dialog. */
  useCsv(dataset: PlaygroundDataset): void;
  /** Drawing mode was turned on (with the points so far) or a point was added or cleared. */
  useDrawn(points: DrawnPoint[]): void;
  useFunction(): void;
  /** The drawn points now (the widget's state). */
  points(): DrawnPoint[];
}

export interface DataTools {
  element: HTMLElement;
  /** Reads a dropped or picked CSV file. */
  openCsv(name: string, text: string): void;
  /** Whether clicks on the map add points. */
  drawing(): boolean;
  setDrawing(on: boolean): void;
  /** The line under the row: sharing notes, or a file's error. */
  say(text: string, error?: boolean): void;
  destroy(): void;
}

export function createDataTools(view: PlaygroundView, options: DataToolsOptions): DataTools {
  const element = htmlElement('div', { class: 'dn-row dn-data-tools', 'data-role': 'data-tools' }, view.root);
  view.root.insertBefore(element, view.hiddenError.nextSibling);
  htmlElement('span', { class: 'dn-data-label' }, element).textContent = 'Your data:';
  const button = (text: string, action: string) => {
    const b = htmlElement('button', { type: 'button', class: 'dn-button', 'data-action': action }, element);
    b.textContent = text;
    return b;
  };
  const opener = createFileOpen(element, {
    label: 'Open CSV…',
    accept: '.csv,.tsv,.txt,text/csv,text/plain',
    action: 'open-csv',
    open: (name, text) => openCsv(name, text),
  });
  const drawButton = button('Draw points', 'draw');
  const classButtons = ([0, 1] as const).map((c) => {
    const b = button(`class ${c}`, `class-${c}`);
    b.classList.add(`dn-class-${c}`);
    return b;
  });
  const clearButton = button('Clear points', 'clear-points');
  button('Function (regression)', 'function').addEventListener('click', () => {
    setDrawing(false);
    options.useFunction();
  });
  const note = htmlElement(
    'p',
    { class: 'dn-notice', 'data-role': 'data-note', hidden: 'hidden' },
    view.root,
  );
  view.root.insertBefore(note, element.nextSibling);
  const dialog = htmlElement('div', { class: 'dn-csv-dialog', role: 'dialog', hidden: 'hidden' }, view.root);
  view.root.insertBefore(dialog, note.nextSibling);
  dialog.setAttribute('aria-label', 'Choose the columns of the CSV file');

  let drawingOn = false;
  let drawClass: 0 | 1 = 1;
  const showDrawing = () => {
    drawButton.setAttribute('aria-pressed', String(drawingOn));
    for (const [c, b] of classButtons.entries()) {
      b.hidden = !drawingOn;
      b.setAttribute('aria-pressed', String(c === drawClass));
    }
    clearButton.hidden = !drawingOn;
    view.root.classList.toggle('dn-drawing', drawingOn);
  };
  function setDrawing(on: boolean): void {
    drawingOn = on;
    showDrawing();
  }
  drawButton.addEventListener('click', () => {
    setDrawing(!drawingOn);
    if (drawingOn) options.useDrawn(options.points());
  });
  for (const [c, b] of classButtons.entries()) {
    b.addEventListener('click', () => {
      drawClass = c as 0 | 1;
      showDrawing();
    });
  }
  clearButton.addEventListener('click', () => options.useDrawn([]));
  const add = (e: PointerEvent) => {
    if (!drawingOn || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    const p = svgPoint(view.heat.svg, e);
    const [x0, x1, y0, y1] = DRAWN_BOX;
    const l = view.layout;
    const point = snapPoint({
      x1: x0 + ((p.x - l.left) / l.plotWidth) * (x1 - x0),
      x2: y1 - ((p.y - l.top) / l.plotHeight) * (y1 - y0),
      c: drawClass,
    });
    const points = options.points();
    if (points.length >= MAX_DRAWN_POINTS)
      return say(`At most ${MAX_DRAWN_POINTS} points can be drawn.`, true);
    options.useDrawn([...points, point]);
  };
  view.frame.addEventListener('pointerdown', add);

  function say(text: string, error = false): void {
    note.textContent = text;
    note.hidden = text === '';
    note.setAttribute('role', error ? 'alert' : 'status');
    note.dataset.error = String(error);
  }

  function openCsv(name: string, text: string): void {
    let table: CsvTable;
    try {
      table = parseCsvTable(text);
    } catch (e) {
      dialog.hidden = true;
      const code = e instanceof DeepnetsError ? ` [${e.code}]` : '';
      say(`${name.slice(0, 60)}: ${(e as Error).message}${code}`, true);
      return;
    }
    say('');
    showDialog(name, table);
  }

  function showDialog(name: string, table: CsvTable): void {
    dialog.replaceChildren();
    htmlElement('p', {}, dialog).textContent =
      `${name.slice(0, 60)}: ${table.rows.length} rows, ${table.columns.length} columns. Choose the inputs and the label or target.`;
    const row = htmlElement('div', { class: 'dn-row' }, dialog);
    const items = table.columns.map((c, i) => ({ value: String(i), text: c }));
    const guess = guessCsvChoice(table);
    const pick = (label: string, param: string, value: number) => {
      const select = htmlElement('select', { 'data-param': param }, control(row, label));
      fillSelect(select, items, String(value));
      return select;
    };
    const x1 = pick('x₁', 'csv-x1', guess.x1);
    const x2 = pick('x₂', 'csv-x2', guess.x2);
    const target = pick('label / target', 'csv-target', guess.target);
    const task = htmlElement('select', { 'data-param': 'csv-task' }, control(row, 'task'));
    fillSelect(
      task,
      [
        { value: 'classification', text: 'classification (labels)' },
        { value: 'regression', text: 'regression (numbers)' },
      ],
      guess.task,
    );
    const buttons = htmlElement('div', { class: 'dn-buttons' }, dialog);
    const use = htmlElement(
      'button',
      { type: 'button', class: 'dn-button', 'data-action': 'csv-use' },
      buttons,
    );
    use.textContent = 'Use these columns';
    const cancel = htmlElement(
      'button',
      { type: 'button', class: 'dn-button', 'data-action': 'csv-cancel' },
      buttons,
    );
    cancel.textContent = 'Cancel';
    cancel.addEventListener('click', () => {
      dialog.hidden = true;
    });
    use.addEventListener('click', () => {
      const choice = {
        x1: Number(x1.value),
        x2: Number(x2.value),
        target: Number(target.value),
        task: task.value as 'classification' | 'regression',
      };
      try {
        if (new Set([choice.x1, choice.x2, choice.target]).size < 3) {
          throw new DeepnetsError('OUT_OF_RANGE', 'choose three different columns', 'columns');
        }
        const dataset = csvDataset(table, choice, `CSV: ${name.slice(0, 40)}`);
        dialog.hidden = true;
        setDrawing(false);
        options.useCsv(dataset);
        say(`${name.slice(0, 60)} stays in this page: a link cannot share data from a file.`);
      } catch (e) {
        const code = e instanceof DeepnetsError ? ` [${e.code}]` : '';
        say(`${name.slice(0, 60)}: ${(e as Error).message}${code}`, true);
      }
    });
    dialog.hidden = false;
    x1.focus();
  }

  showDrawing();
  return {
    element,
    openCsv,
    drawing: () => drawingOn,
    setDrawing,
    say,
    destroy() {
      opener.destroy();
      view.frame.removeEventListener('pointerdown', add);
    },
  };
}
