#!/usr/bin/env node
/** The `deepnets` executable. Ctrl-C aborts long commands cleanly (exit 130). */
import { defaultIO, main } from './main.ts';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.exitCode = await main(process.argv.slice(2), defaultIO(controller.signal));
