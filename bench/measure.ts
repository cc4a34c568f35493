import { performance } from 'node:perf_hooks';

// Timing helpers: warm-up runs (page cache, statement cache, JIT), then medians or percentiles of
// the measured runs; a figure is printed as one line `name value unit`.

/**
 * Medians of two operations timed turn about, after a warm-up of each: on a shared machine both
 * then see the same background load, so their ratio means something even when the times move.
 */
export async function medianPairMs(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  await a();
  await b();
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of [a, b].entries()) {
      const start = performance.now();
      await fn();
      times[k]!.push(performance.now() - start);
    }
  }
  const median = (list: number[]) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)]!;
  return [median(times[0]), median(times[1])];
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function figure(name: string, value: number, unit: string): void {
  const digits = unit === 'x' ? 2 : value < 10 ? 1 : 0;
  console.log(`${name} ${value.toFixed(digits)} ${unit}`);
}
