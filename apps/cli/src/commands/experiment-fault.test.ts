import { describe, expect, it } from 'vitest';
import { killResume } from '../testing/kill-resume.ts';

/** `KILLS=50 pnpm exec vitest run src/commands/experiment-fault.test.ts` runs the full fault test. */
const kills = Number(process.env.KILLS ?? 5);

describe('experiment random-labels under SIGKILL', () => {
  it(`killed ${kills} times while writing checkpoints, every resume starts from a valid state and the final curve equals an uninterrupted run bit for bit`, async () => {
    const report = await killResume(kills);
    expect(report.epochs).toHaveLength(kills);
    expect(Math.min(...report.epochs)).toBeGreaterThan(0);
    if (process.env.KILLS) console.log(JSON.stringify(report));
  }, 600_000);
});
