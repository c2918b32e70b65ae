/** Order statistics of timing samples (milliseconds). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (!samples.length) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: the smallest sample with at least `fraction` of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 0.5);
export const p99 = (samples: readonly number[]) => percentile(samples, 0.99);

/** Times one call of `operation`, in milliseconds. */
export async function timed(operation: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await operation();
  return performance.now() - start;
}

/**
 * Times `rounds` calls of each operation, interleaved (a, b, a, b, …, starting with a different one
 * each round) so that drift on a shared machine hits every operation alike. `warmup` rounds run first
 * and are not kept.
 */
export async function timeInterleaved<K extends string>(
  operations: Record<K, (round: number) => Promise<unknown>>,
  rounds: number,
  warmup = 0,
): Promise<Record<K, number[]>> {
  const names = Object.keys(operations) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = -warmup; round < rounds; round += 1) {
    const offset = ((round % names.length) + names.length) % names.length;
    for (let index = 0; index < names.length; index += 1) {
      const name = names[(index + offset) % names.length]!;
      const elapsed = await timed(() => operations[name](round + warmup));
      if (round >= 0) samples[name].push(elapsed);
    }
  }
  return samples;
}
