import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { RankerService } from '../../../lib/background/ranker-service';
import { openPaperlightDb } from '../../../lib/db/database';
import { rankerTrainingSet } from '../../../lib/db/shortlist';
import { sendMessage } from '../../../lib/messaging/client';
import { createRouter } from '../../../lib/messaging/router';
import { trainRankerInSlices } from '../../../lib/scoring/ranker';
import { interestsItem } from '../../../lib/storage/interests';
import { paper } from '../helpers';

const sender = { tab: { id: 9 } } as Parameters<ReturnType<typeof createHandlers>['reportEntries']>[1];
let n = 0;

const rlPaper = (id: string, title: string) =>
  paper({ id, title, abstract: 'We train a reward model with rubrics for RLHF and preference optimisation.' });
const otherPaper = (id: string, title: string) =>
  paper({ id, title, abstract: 'We study protein structure prediction with geometric deep learning.' });

describe('learned ranker in the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await interestsItem.setValue([]);
  });

  it('stays silent under 3 shortlisted papers, then raises a similar paper and persists the model', async () => {
    const db = openPaperlightDb(`ranker-${++n}`);
    const ranker = new RankerService(db);
    const handlers = createHandlers({ db, ranker });
    const listing = [
      ...Array.from({ length: 20 }, (_, i) => otherPaper(`o${i}`, `Protein folding ${i}`)),
      rlPaper('r1', 'Rubric reward models'),
      rlPaper('r2', 'RLHF with rubrics'),
      rlPaper('r3', 'Reward model overoptimisation'),
      rlPaper('target', 'Better rubrics for reward models'),
    ];
    const report = { url: 'u', adapterId: 'arxiv', entries: listing, settled: true };
    await handlers.reportEntries(report, sender);
    for (const id of ['r1', 'r2'])
      await handlers.setShortlisted({ paper: listing.find((p) => p.id === id)!, saved: true }, sender);
    await ranker.settled();
    expect(await ranker.current()).toBeNull();
    const silent = await handlers.reportEntries(report, sender);
    expect(silent.results.every((r) => r.ranker === undefined && r.score === 0)).toBe(true);

    await handlers.setShortlisted({ paper: listing.find((p) => p.id === 'r3')!, saved: true }, sender);
    await ranker.settled();
    const { results } = await handlers.reportEntries(report, sender);
    const target = results.find((r) => r.id === 'target')!;
    expect(target.score).toBeGreaterThan(0);
    expect(target.ranker?.words.join(' ')).toMatch(/rubric|reward/i);
    expect(results.find((r) => r.id === 'o3')!.score).toBe(0);

    // A new worker (service worker restarted) scores with the persisted model at once.
    const restarted = new RankerService(db);
    expect(await restarted.current()).not.toBeNull();
  });

  it('can be turned off in the settings', async () => {
    const db = openPaperlightDb(`ranker-${++n}`);
    const ranker = new RankerService(db);
    const handlers = createHandlers({ db, ranker });
    const listing = [
      ...Array.from({ length: 10 }, (_, i) => otherPaper(`o${i}`, `Protein ${i}`)),
      ...['a', 'b', 'c', 'd'].map((id) => rlPaper(id, `Reward model rubric ${id}`)),
    ];
    const report = { url: 'u', adapterId: 'arxiv', entries: listing, settled: true };
    await handlers.reportEntries(report, sender);
    for (const p of listing.slice(-4, -1)) await handlers.setShortlisted({ paper: p, saved: true }, sender);
    await ranker.settled();
    expect((await handlers.reportEntries(report, sender)).results.at(-1)?.ranker).toBeDefined();
    await handlers.updateSettings({ rankerEnabled: false }, sender);
    await new Promise((r) => setTimeout(r, 10));
    expect((await handlers.reportEntries(report, sender)).results.at(-1)?.ranker).toBeUndefined();
  });

  /** A pause of the training that holds it until the test opens the gate; `paused` resolves at the first one. */
  function gatedTraining() {
    let open!: () => void;
    let firstPause!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const paused = new Promise<void>((resolve) => (firstPause = resolve));
    let pauses = 0;
    const pause = async () => {
      pauses++;
      firstPause();
      await gate;
    };
    return { slices: { sliceMs: 0, pause }, paused, open, pauses: () => pauses };
  }

  const listing = [
    ...Array.from({ length: 20 }, (_, i) => otherPaper(`o${i}`, `Protein folding ${i}`)),
    ...['r1', 'r2', 'r3', 'r4'].map((id) => rlPaper(id, `Rubric reward models ${id}`)),
  ];
  const report = { url: 'u', adapterId: 'arxiv', entries: listing, settled: true };

  it('trains in slices: messages are answered while a training is under way', async () => {
    const db = openPaperlightDb(`ranker-${++n}`);
    const training = gatedTraining();
    let changes = 0;
    const ranker = new RankerService(db, () => changes++, training.slices);
    const handlers = createHandlers({ db, ranker });
    // fake-browser ignores listeners that answer with a Promise: deliver to the router as the runtime does.
    const router = createRouter(handlers);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
      ((message: unknown) =>
        router(message, sender) ?? Promise.resolve(undefined)) as typeof fakeBrowser.runtime.sendMessage,
    );
    await handlers.reportEntries(report, sender);
    for (const p of listing.slice(-4, -1)) await handlers.setShortlisted({ paper: p, saved: true }, sender);

    await training.paused;
    const { results } = await sendMessage('reportEntries', report);
    expect(results).toHaveLength(listing.length);
    expect(await ranker.current()).toBeNull();
    expect(changes).toBe(0);

    training.open();
    await ranker.settled();
    expect(training.pauses()).toBeGreaterThan(1);
    expect(changes).toBe(1);
    expect((await ranker.current())?.model.trainedOn.positives).toBe(3);
  });

  it('stops a training when the shortlist changes meanwhile, and trains once on the newer one', async () => {
    const db = openPaperlightDb(`ranker-${++n}`);
    const training = gatedTraining();
    let changes = 0;
    const ranker = new RankerService(db, () => changes++, training.slices);
    const handlers = createHandlers({ db, ranker });
    const warn = vi.spyOn(console, 'warn');
    await handlers.reportEntries(report, sender);
    for (const p of listing.slice(-4, -1)) await handlers.setShortlisted({ paper: p, saved: true }, sender);
    await training.paused;

    await handlers.setShortlisted({ paper: listing.at(-1)!, saved: true }, sender);
    training.open();
    await ranker.settled();
    expect(changes).toBe(1);
    expect((await ranker.current())?.model.trainedOn.positives).toBe(4);
    expect((await new RankerService(db).current())?.model.trainedOn.positives).toBe(4);
    expect(warn).not.toHaveBeenCalled();
    // The superseded training stopped at its first pause (each step pauses: sliceMs 0); only the newer one ran on.
    let pausesOfOneTraining = 0;
    await trainRankerInSlices(
      await rankerTrainingSet(await db),
      {},
      {
        sliceMs: 0,
        pause: async () => void pausesOfOneTraining++,
      },
    );
    expect(training.pauses()).toBe(1 + pausesOfOneTraining);
  });
});
