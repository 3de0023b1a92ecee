import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBroadcaster } from '../../../lib/background/broadcast';
import { createHandlers } from '../../../lib/background/handlers';
import { RankerService } from '../../../lib/background/ranker-service';
import { createScorer } from '../../../lib/background/scorer';
import { openPaperlightDb } from '../../../lib/db/database';
import type { PaintPush } from '../../../lib/messaging/protocol';
import { interestsItem } from '../../../lib/storage/interests';
import { readSettings } from '../../../lib/storage/settings';
import { interest, paper } from '../helpers';

const sender = (tab: number) =>
  ({ tab: { id: tab } }) as Parameters<ReturnType<typeof createHandlers>['reportEntries']>[1];
let n = 0;

describe('what the page needs beside scores: saved, new, feedback; live re-scores', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await interestsItem.setValue([interest({ id: 'agents', name: 'Agents', query: 'agent' })]);
  });

  it('says which reported papers are saved (from any site), new on this visit, and their 👍/👎', async () => {
    const handlers = createHandlers({ db: openPaperlightDb(`state-${++n}`) });
    const a = paper({ id: '2501.00001', source: 'huggingface', title: 'Agents at work' });
    const b = paper({ id: '2501.00002', title: 'Protein folding' });
    await handlers.setShortlisted({ paper: a, saved: true }, sender(1));
    await handlers.setFeedback({ paper: b, verdict: 'down' }, sender(1));
    const onArxiv = { ...a, source: 'arxiv', url: 'https://arxiv.org/abs/2501.00001' };
    const report = {
      url: 'https://arxiv.org/list/cs.AI/new',
      adapterId: 'arxiv',
      entries: [onArxiv, b],
      settled: true,
    };
    const first = await handlers.reportEntries(report, sender(2));
    expect(first.saved).toEqual(['2501.00001']);
    expect(first.fresh.sort()).toEqual(['2501.00001', '2501.00002']);
    expect(first.feedback).toEqual({ '2501.00002': 'down' });
    // Seen before: not new any more.
    expect((await handlers.reportEntries(report, sender(2))).fresh).toEqual([]);
    // The tab's record is written after the answer; it is there for whoever asks next.
    expect((await handlers.getTabResults({ tabId: 2 }, sender(2)))?.entries).toHaveLength(2);
  });

  it('remembers the floating control per site and turns sites off and on', async () => {
    const handlers = createHandlers({ db: openPaperlightDb(`state-${++n}`) });
    const view = { collapsed: true, view: 'matches-first' as const, dim: true };
    await handlers.setSiteView({ host: 'arxiv.org', view }, sender(1));
    await handlers.setSiteEnabled({ host: 'huggingface.co', enabled: false }, sender(1));
    await handlers.setSiteEnabled({ host: 'arxiv.org', enabled: false }, sender(1));
    await handlers.setSiteEnabled({ host: 'arxiv.org', enabled: false }, sender(1));
    expect(await readSettings()).toMatchObject({
      siteViews: { 'arxiv.org': view },
      disabledSites: ['huggingface.co', 'arxiv.org'],
    });
    await handlers.setSiteEnabled({ host: 'arxiv.org', enabled: true }, sender(1));
    expect((await readSettings()).disabledSites).toEqual(['huggingface.co']);
  });

  it('re-scores every annotated tab after a change and sends each its new scores and saved ids', async () => {
    const db = openPaperlightDb(`state-${++n}`);
    const ranker = new RankerService(db);
    const scorer = createScorer(ranker);
    const pushes: [number, PaintPush][] = [];
    const broadcaster = createBroadcaster(db, scorer, async (tab, push) => void pushes.push([tab, push]));
    const handlers = createHandlers({ db, ranker, scorer, broadcaster });
    const entries = [paper({ id: '1', title: 'Protein folding with agents' }), paper({ id: '2', title: 'Graphs' })];
    await handlers.reportEntries({ url: 'https://a/1', adapterId: 'arxiv', entries, settled: true }, sender(3));
    await handlers.reportEntries(
      { url: 'https://a/2', adapterId: 'arxiv', entries: entries.slice(1), settled: true },
      sender(4),
    );

    await handlers.addInterest({ name: 'Graphs', query: 'graphs' }, sender(0));
    await handlers.setShortlisted({ paper: entries[1]!, saved: true }, sender(0));
    await broadcaster.flushed();
    const last = new Map(pushes);
    expect([...last.keys()].sort()).toEqual([3, 4]);
    expect(last.get(3)!.url).toBe('https://a/1');
    expect(
      last
        .get(3)!
        .results.find((r) => r.id === '2')
        ?.tags.map((t) => t.name),
    ).toEqual(['Graphs']);
    expect(last.get(4)!.saved).toEqual(['2']);
    // The stored results follow, so that the popup shows the same.
    expect((await handlers.getTabResults({ tabId: 4 }, sender(4)))?.results[0]?.tags.map((t) => t.name)).toEqual([
      'Graphs',
    ]);
  });

  it('a tab that went away does not stop the others from being updated', async () => {
    const db = openPaperlightDb(`state-${++n}`);
    const ranker = new RankerService(db);
    const scorer = createScorer(ranker);
    const reached: number[] = [];
    const broadcaster = createBroadcaster(db, scorer, async (tab) => {
      if (tab === 7) throw new Error('Could not establish connection. Receiving end does not exist.');
      reached.push(tab);
    });
    const handlers = createHandlers({ db, ranker, scorer, broadcaster });
    for (const tab of [7, 8]) {
      await handlers.reportEntries(
        { url: 'u', adapterId: 'arxiv', entries: [paper({ title: 'x' })], settled: true },
        sender(tab),
      );
    }
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    broadcaster.schedule();
    await broadcaster.flushed();
    expect(reached).toEqual([8]);
    expect(warn).not.toHaveBeenCalled();
  });
});
