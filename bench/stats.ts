/** Timing samples, their summaries, and forced garbage collection for memory readings. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] ?? NaN };
}

export function median(samples: readonly number[]): number {
  return summarize(samples).p50;
}

/** Wall-clock summary plus the process CPU time the same calls used. */
export interface Timed extends Summary {
  /**
   * CPU milliseconds per call (process.cpuUsage: this thread plus V8's helper
   * threads). On a machine busy with other work the wall times include
   * waiting for a core; these do not.
   */
  cpu: { p50: number; p95: number };
}

/**
 * Runs `fn` once per input, one at a time, and times each call (wall clock
 * and CPU). The last `warmup` inputs first run unmeasured, so JIT compilation
 * does not count; they are measured last, long after, so a store's small
 * result caches do not flatter them either.
 */
export async function timeEach<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>, warmup = Math.min(20, inputs.length)): Promise<Timed> {
  for (let i = inputs.length - warmup; i < inputs.length; i++) await fn(inputs[i]);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const input of inputs) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn(input);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const cpuSummary = summarize(cpu);
  return { ...summarize(wall), cpu: { p50: cpuSummary.p50, p95: cpuSummary.p95 } };
}

let gc: (() => void) | undefined;

/** Forces full garbage collections, so a memory reading shows what is live rather than what is not yet collected. */
export function collectGarbage(): void {
  if (!gc) {
    // The documented way to reach V8's gc() without starting Node with --expose-gc.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  gc();
}
