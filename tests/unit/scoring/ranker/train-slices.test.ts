import { describe, expect, it, vi } from 'vitest';
import { trainRanker, trainRankerInSlices } from '../../../../lib/scoring/ranker';
import { runInSlices, type Steps } from '../../../../lib/scoring/ranker/steps';
import { papersOn } from './corpus';

const set = {
  positives: papersOn('alignment', 5, 1),
  negatives: papersOn('galaxies', 3, 9),
  unlabeled: [...papersOn('alignment', 10, 2), ...papersOn('proteins', 60, 3), ...papersOn('galaxies', 60, 4)],
};

describe('trainRankerInSlices', () => {
  it('trains the same model as trainRanker, to the bit, however finely it is sliced', async () => {
    const model = trainRanker(set);
    for (const sliceMs of [0, 1, 1000]) {
      expect(JSON.stringify(await trainRankerInSlices(set, {}, { sliceMs }))).toBe(JSON.stringify(model));
    }
    const small = { positives: set.positives.slice(0, 3), unlabeled: papersOn('proteins', 20, 8) };
    expect(await trainRankerInSlices(small, { keptFeatures: 10 }, { sliceMs: 0 })).toEqual(
      trainRanker(small, { keptFeatures: 10 }),
    );
    expect(await trainRankerInSlices({ positives: set.positives.slice(0, 2) })).toBeNull();
  });

  it('lets a timer set before it started run before it finishes (trainRanker does not)', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    trainRanker(set);
    order.push('trained at once');
    setTimeout(() => order.push('timer'), 0);
    await trainRankerInSlices(set, {}, { sliceMs: 0 });
    order.push('trained in slices');
    expect(order).toEqual(['trained at once', 'timer', 'timer', 'trained in slices']);
  });

  it('pauses between slices, and stops at the pause after its signal aborts', async () => {
    let pauses = 0;
    const complete = await trainRankerInSlices(set, {}, { sliceMs: 0, pause: async () => void pauses++ });
    expect(complete).not.toBeNull();
    expect(pauses).toBeGreaterThan(10);

    const controller = new AbortController();
    let pausesBeforeAbort = 0;
    const training = trainRankerInSlices(
      set,
      {},
      {
        sliceMs: 0,
        signal: controller.signal,
        pause: async () => {
          if (++pausesBeforeAbort === 3) controller.abort();
        },
      },
    );
    await expect(training).rejects.toThrow(/abort/i);
    expect(pausesBeforeAbort).toBe(3);
    await expect(trainRankerInSlices(set, {}, { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  });
});

describe('runInSlices', () => {
  // Steps that each take `ms` on a clock the test moves.
  let clock = 0;
  function* work(ms: readonly number[]): Steps<string> {
    for (const step of ms) {
      clock += step;
      yield;
    }
    return 'done';
  }

  it('pauses once a slice has run sliceMs, and reports each slice', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const slices: number[] = [];
    let pauses = 0;
    const result = await runInSlices(work([3, 3, 3, 1, 9, 2, 2]), {
      sliceMs: 8,
      pause: async () => void pauses++,
      onSlice: (ms) => slices.push(ms),
    });
    expect(result).toBe('done');
    expect(slices).toEqual([9, 10, 4]);
    expect(pauses).toBe(2);
  });
});
