/** Median wall time of `fn` over `runs` runs after `warmup` unmeasured ones, in milliseconds. */
export function median(fn: () => unknown, runs = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

export interface Row {
  bench: string;
  baseline: string;
  baselineMs: number;
  subject: string;
  subjectMs: number;
  budget: number;
}

/** Prints rows as a table with the ratio subject / baseline and whether it is within budget. */
export function report(rows: Row[]): void {
  console.table(
    rows.map((r) => ({
      bench: r.bench,
      [`baseline (ms)`]: `${r.baseline}: ${r.baselineMs.toFixed(2)}`,
      [`measured (ms)`]: `${r.subject}: ${r.subjectMs.toFixed(2)}`,
      ratio: (r.subjectMs / r.baselineMs).toFixed(2),
      budget: `≤ ${r.budget}×`,
      ok: r.subjectMs / r.baselineMs <= r.budget ? 'yes' : 'NO',
    })),
  );
}
