// Build-time data of "Checking the lecture": the rows of `deepnets verify`, computed by the same
// module (@deepnets/cli's verifyLecture) from the committed experiment files.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyLecture } from '@deepnets/cli';

const curves = fileURLToPath(new URL('../../experiments/random-labels/curves.json', import.meta.url));

export default {
  watch: [curves],
  load() {
    const report = verifyLecture({ figure202Curves: readFileSync(curves, 'utf8') });
    if (!report.ok) {
      const failing = report.rows.filter((r) => r.verdict === 'fails').map((r) => r.claim);
      throw new Error(`deepnets verify: checks fail: ${failing.join('; ')}`);
    }
    return report;
  },
};
