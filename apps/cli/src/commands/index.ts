/**
 * Every `deepnets` sub-command, in the order `deepnets help` lists them.
 * A new command is one file in this folder plus one line here.
 */
import type { Command } from '../command.ts';

export const commands: Command[] = [];
