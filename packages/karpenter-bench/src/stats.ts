/** Percentile of sorted samples (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[
    Math.min(
      sorted.length - 1,
      Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
    )
  ];
}

export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** Times `n` sequential calls of `fn`. */
export async function latencies(
  n: number,
  fn: () => Promise<boolean>,
): Promise<LatencyStats> {
  const samples: number[] = [];
  let errors = 0;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const ok = await fn().catch(() => false);
    samples.push(performance.now() - start);
    if (!ok) errors++;
  }
  samples.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    count: n,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    errors,
  };
}

/** Requests per second with `clients` concurrent loops for `seconds`. */
export async function throughput(
  clients: number,
  seconds: number,
  fn: () => Promise<boolean>,
) {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const ok = await fn().catch(() => false);
        done++;
        if (!ok) errors++;
      }
    }),
  );
  return {
    clients,
    seconds,
    requests: done,
    rps: Math.round(done / seconds),
    errors,
  };
}
