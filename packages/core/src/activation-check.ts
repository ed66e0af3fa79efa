/**
 * Checks an activation config before it is registered: a piecewise-linear activation must
 * declare sorted breakpoints and pieces that agree with its own `f` (exact region analysis
 * trusts the declaration), and `f` / `derivative` must be functions.
 */
import type { ActivationConfig } from './activation-types.ts';
import { DeepnetsError } from './errors.ts';

export function checkActivation(act: ActivationConfig, plugin: string): void {
  const where = `plugin "${plugin}", activation "${act.name}"`;
  const fail = (message: string) => {
    throw new DeepnetsError('INVALID_FORMAT', `${where}: ${message}`);
  };
  if (typeof act.f !== 'function' || typeof act.derivative !== 'function')
    fail('needs functions f and derivative');
  if (act.kind === 'smooth') return;
  if (act.kind !== 'piecewise-linear') fail('kind must be "piecewise-linear" or "smooth"');
  const { breakpoints: b, slopes, intercepts } = act;
  if (slopes.length !== b.length + 1 || intercepts.length !== slopes.length) {
    fail(`${b.length} breakpoints need ${b.length + 1} slopes and intercepts`);
  }
  for (let j = 0; j < b.length; j++) {
    if (!Number.isFinite(b[j]) || (j > 0 && (b[j] as number) <= (b[j - 1] as number))) {
      fail('breakpoints must be finite and strictly increasing');
    }
  }
  // Probe each piece at an interior point and each breakpoint from both sides: f must match.
  const probes: [number, number][] = [];
  for (let j = 0; j <= b.length; j++) {
    const lo = j === 0 ? (b[0] ?? 0) - 1 : (b[j - 1] as number);
    const hi = j === b.length ? (b[b.length - 1] ?? 0) + 1 : (b[j] as number);
    probes.push([(lo + hi) / 2, j]);
  }
  for (const [z, j] of probes) {
    const declared = (slopes[j] as number) * z + (intercepts[j] as number);
    const actual = act.f(z);
    if (!(Math.abs(declared - actual) <= 1e-9 * (1 + Math.abs(declared)))) {
      fail(`piece ${j} declares ${declared} at z = ${z} but f(${z}) = ${actual}`);
    }
  }
  for (let j = 0; j < b.length; j++) {
    const z = b[j] as number;
    const left = (slopes[j] as number) * z + (intercepts[j] as number);
    const right = (slopes[j + 1] as number) * z + (intercepts[j + 1] as number);
    if (Math.abs(left - right) > 1e-9 * (1 + Math.abs(left))) {
      fail(
        `pieces ${j} and ${j + 1} do not meet at breakpoint ${z} (${left} vs ${right}): a[.] must be continuous`,
      );
    }
  }
}
