import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { openPaperlightDb } from '../../../lib/db/database';
import { interestsItem } from '../../../lib/storage/interests';
import { interest, paper } from '../helpers';

const sender = { tab: { id: 5 } } as Parameters<ReturnType<typeof createHandlers>['reportEntries']>[1];
let n = 0;

describe('background handlers', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await interestsItem.setValue([interest({ id: 'agents', name: 'Agents', query: 'agent' })]);
  });

  it('scores reported entries, remembers them for the tab and shows the match count on the badge', async () => {
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const handlers = createHandlers({ db: openPaperlightDb(`handlers-${++n}`), now: () => 42 });
    const entries = [paper({ id: '1', title: 'Agents at work' }), paper({ id: '2', title: 'Protein folding' })];
    const { results } = await handlers.reportEntries(
      { url: 'https://arxiv.org/list/cs.AI/new', adapterId: 'arxiv', entries, settled: true },
      sender,
    );
    expect(results.map((r) => [r.id, r.score > 0])).toEqual([
      ['1', true],
      ['2', false],
    ]);
    const stored = await handlers.getTabResults({ tabId: 5 }, sender);
    expect(stored).toMatchObject({ adapterId: 'arxiv', updatedAt: 42, entries, results });
    expect(badge).toHaveBeenCalledWith({ tabId: 5, text: '1' });
    expect(await handlers.getTabResults({ tabId: 6 }, sender)).toBeNull();
  });

  it('rescores with an interest added after the first report', async () => {
    const handlers = createHandlers({ db: openPaperlightDb(`handlers-${++n}`) });
    const report = { url: 'u', adapterId: 'a', entries: [paper({ id: '1', title: 'Protein folding' })], settled: true };
    expect((await handlers.reportEntries(report, sender)).results[0]?.score).toBe(0);
    await handlers.addInterest({ name: 'protein' }, sender);
    expect((await handlers.reportEntries(report, sender)).results[0]?.tags[0]?.name).toBe('protein');
  });

  it('warns on the badge and in the tab results when a settled supported page shows no papers', async () => {
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const handlers = createHandlers({ db: openPaperlightDb(`handlers-${++n}`) });
    await handlers.reportEntries({ url: 'u', adapterId: 'arxiv', entries: [], settled: false }, sender);
    expect((await handlers.getTabResults({ tabId: 5 }, sender))?.warning).toBeUndefined();
    await handlers.reportEntries({ url: 'u', adapterId: 'arxiv', entries: [], settled: true }, sender);
    expect((await handlers.getTabResults({ tabId: 5 }, sender))?.warning).toBe('no-entries');
    expect(badge).toHaveBeenLastCalledWith({ tabId: 5, text: '!' });
    const one = [paper({ id: '1', title: 'Protein folding' })];
    await handlers.reportEntries({ url: 'u', adapterId: 'arxiv', entries: one, expected: 40, settled: true }, sender);
    expect((await handlers.getTabResults({ tabId: 5 }, sender))?.warning).toBe('too-few');
  });

  it('forgets a tab that navigated to a page no adapter supports', async () => {
    const handlers = createHandlers({ db: openPaperlightDb(`handlers-${++n}`) });
    await handlers.reportEntries(
      { url: 'u', adapterId: 'arxiv', entries: [paper({ title: 'A' })], settled: true },
      sender,
    );
    await handlers.reportEntries({ url: 'v', adapterId: null, entries: [], settled: true }, sender);
    expect(await handlers.getTabResults({ tabId: 5 }, sender)).toBeNull();
  });

  it('still scores when the database cannot be opened', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handlers = createHandlers({ db: Promise.reject(new Error('quota exceeded')) });
    const report = { url: 'u', adapterId: 'a', entries: [paper({ id: '1', title: 'Agent' })], settled: true };
    expect((await handlers.reportEntries(report, sender)).results[0]?.score).toBeGreaterThan(0);
  });
});
