/**
 * Every `deepnets` sub-command, in the order `deepnets help` lists them.
 * A new command is one file in this folder plus one line here.
 */
import type { Command } from '../command.ts';
import { composeCommand } from './compose.ts';
import { evalCommand } from './eval.ts';
import { mnist1dCommand } from './mnist1d.ts';

export const commands: Command[] = [evalCommand, composeCommand, mnist1dCommand];
