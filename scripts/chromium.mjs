// How every browser check here starts Debian's Chromium: the vitest browser projects
// (vitest.shared.ts), the docs end-to-end tests (docs/e2e) and the consumer suite (tests/consumer).

/** Flags that work headless, as root, on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The Chromium binary: `CHROMIUM_PATH` or Debian's. */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
