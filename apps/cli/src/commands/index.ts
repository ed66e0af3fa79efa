/**
 * Every `deepnets` sub-command, in the order `deepnets help` lists them.
 * A new command is one file in this folder plus one line here.
 */
import type { Command } from '../command.ts';
import { benchCommand } from './bench.ts';
import { boundsCommand } from './bounds.ts';
import { composeCommand } from './compose.ts';
import { constructCommand } from './construct.ts';
import { evalCommand } from './eval.ts';
import { experimentCommand } from './experiment.ts';
import { mnist1dCommand } from './mnist1d.ts';
import { regionDensityCommand } from './region-density/command.ts';
import { regionsCommand } from './regions.ts';
import {
  sweepPlanCommand,
  sweepResultsCommand,
  sweepRunCommand,
  sweepStatusCommand,
  sweepWorkerCommand,
} from './sweep/index.ts';
import { trainCommand } from './train.ts';
import { verifyCommand } from './verify.ts';

export const commands: Command[] = [
  evalCommand,
  composeCommand,
  regionsCommand,
  boundsCommand,
  constructCommand,
  mnist1dCommand,
  trainCommand,
  experimentCommand,
  sweepPlanCommand,
  sweepRunCommand,
  sweepWorkerCommand,
  sweepStatusCommand,
  sweepResultsCommand,
  regionDensityCommand,
  benchCommand,
  verifyCommand,
];
