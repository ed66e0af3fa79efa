export { integerFlag, numberFlag, numberListFlag, parseArgs, stringFlag } from './args.ts';
export { type Command, type CommandIO, type ParsedArgs, UsageError } from './command.ts';
export { commands } from './commands/index.ts';
export { defaultIO, type ExitCode, findCommand, helpText, main } from './main.ts';
export { type Check, type Verdict, type VerifyRow, verdictOf } from './verify/rows.ts';
export { type VerifyOptions, type VerifyReport, verifyLecture } from './verify/verify-lecture.ts';
