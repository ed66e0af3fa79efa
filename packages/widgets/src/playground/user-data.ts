/**
 * Wiring of "your data" (CSV, drawn points, the toy function) into the playground: which data set
 * is in use, what the URL can carry, and files dropped on the widget (a `.json` network file goes
 * to the network panel, anything else is read as CSV).
 */
import { dropFiles } from '../kit/file-drop.ts';
import type { createStore } from '../kit/widget.ts';
import { createDataTools, type DataTools } from './data-tools.ts';
import { DRAWN_BOX, type DrawnPoint, drawnDataset, MAX_URL_POINTS } from './drawn-data.ts';
import { functionDataset } from './function-data.ts';
import type { PlaygroundDataset } from './menus.ts';
import { boxOf, type DataSource, type PlaygroundState } from './state.ts';
import type { PlaygroundView } from './view.ts';

export interface UserDataContext {
  view: PlaygroundView;
  store: ReturnType<typeof createStore<PlaygroundState>>;
  /** Switches to a page data set (a fresh network for it). */
  use(
    source: Exclude<DataSource, 'menu'>,
    name: string,
    made: PlaygroundDataset | undefined,
    box: PlaygroundState['box'],
  ): void;
  /** The drawn set changed while in use: the same network goes on with the new points. */
  update(made: PlaygroundDataset | undefined): void;
  /** Opens a dropped network file. */
  openNetwork(name: string, text: string): void;
}

export interface UserData {
  tools: DataTools;
  /** Applies the URL's page data set ("function", or "drawn" with its points); false for other names. */
  fromUrl(name: string | undefined, points: DrawnPoint[] | undefined): boolean;
  destroy(): void;
}

export function bindUserData(ctx: UserDataContext): UserData {
  const { store } = ctx;
  const useFunction = () => {
    const made = functionDataset();
    ctx.use('function', 'function (regression)', made, boxOf(made));
  };
  function useDrawn(points: DrawnPoint[]): void {
    const made = drawnDataset(points);
    const first = store.get().source !== 'drawn';
    store.set({ ...store.get(), points });
    if (first) ctx.use('drawn', 'drawn points', made, DRAWN_BOX);
    else ctx.update(made);
    tools.say(
      points.length > MAX_URL_POINTS
        ? `These ${points.length} points are too many for a link (at most ${MAX_URL_POINTS}): they stay in this page.`
        : points.length < 2
          ? 'Click or tap the map to add points of the chosen class (at least 2 to train).'
          : '',
    );
  }
  const tools = createDataTools(ctx.view, {
    useCsv: (made) => ctx.use('csv', made.name, made, boxOf(made)),
    useDrawn,
    useFunction,
    points: () => store.get().points,
  });
  const stopDrop = dropFiles(ctx.view.root, (name, text) => {
    if (/\.json$/i.test(name) || text.trimStart().startsWith('{')) ctx.openNetwork(name, text);
    else tools.openCsv(name, text);
  });
  return {
    tools,
    fromUrl(name, points) {
      if (name === 'function') useFunction();
      else if (name === 'drawn') {
        tools.setDrawing(true);
        useDrawn(points ?? []);
      } else return false;
      return true;
    },
    destroy() {
      tools.destroy();
      stopDrop();
    },
  };
}
