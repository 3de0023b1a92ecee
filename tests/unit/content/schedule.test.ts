import { describe, expect, it } from 'vitest';
import { inSlices, SLICE_MS } from '../../../lib/content/schedule';

describe('work in slices', () => {
  it('does every item, in order, and lets other tasks run between slices', async () => {
    const done: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const items = Array.from({ length: 200 }, (_, i) => i);
    await inSlices(items, (i) => {
      done.push(i);
      const until = performance.now() + 0.5;
      while (performance.now() < until); // half a millisecond of work per item: 100 ms in all
    });
    clearInterval(timer);
    expect(done).toEqual(items);
    // 100 ms of work in slices of SLICE_MS: the interval got turns in between.
    expect(ticks).toBeGreaterThan(100 / SLICE_MS / 3);
  });

  it('stops when cancelled', async () => {
    const done: number[] = [];
    let cancel = false;
    const finished = await inSlices(
      Array.from({ length: 1000 }, (_, i) => i),
      (i) => {
        done.push(i);
        const until = performance.now() + 0.1;
        while (performance.now() < until);
        if (i === 10) cancel = true;
      },
      () => cancel,
    );
    expect(finished).toBe(false);
    expect(done.length).toBeLessThan(1000);
  });
});
