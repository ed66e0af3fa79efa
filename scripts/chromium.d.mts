/** Flags that work headless, as root, on a machine with no outside network. */
export declare const CHROMIUM_ARGS: string[];
/** The Chromium binary: `CHROMIUM_PATH` or Debian's. */
export declare const chromiumPath: () => string;
