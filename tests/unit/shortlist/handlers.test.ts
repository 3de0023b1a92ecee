import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { openPaperlightDb } from '../../../lib/db/database';
import { parseSummaryLines } from '../../../lib/shortlist/summary';
import { paper } from '../helpers';

const sender = {} as Parameters<ReturnType<typeof createHandlers>['listShortlistSummaries']>[1];
let n = 0;

describe('shortlist view messages: summaries and search', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers the first screen, then all, then searches; follows edits, removals, undo and new saves', async () => {
    let now = 1000;
    const h = createHandlers({ db: openPaperlightDb(`slv-${++n}`), now: () => now++ });
    const save = (id: string, fields: Parameters<typeof paper>[0]) =>
      h.setShortlisted({ paper: paper({ id, ...fields }), saved: true }, sender);
    await save('2501.00001', { title: 'Reward models', abstract: 'We align with preferences.' });
    await save('2501.00002', { title: 'Diffusion', authors: ['Núñez'] });
    await save('2501.00003', { title: 'Agents' });
    const titles = async (limit?: number) => {
      const { total, lines } = await h.listShortlistSummaries(limit === undefined ? {} : { limit }, sender);
      return { total, titles: (await parseSummaryLines(lines)).map((s) => s.title) };
    };
    const search = async (query: string) => (await h.searchShortlist({ query }, sender)).ids;

    expect(await titles(2)).toEqual({ total: 3, titles: ['Agents', 'Diffusion'] });
    expect(await titles()).toEqual({ total: 3, titles: ['Agents', 'Diffusion', 'Reward models'] });
    expect(await search('preferences')).toEqual(['2501.00001']);
    expect(await search('nunez')).toEqual(['2501.00002']);

    await h.updateShortlisted({ id: '2501.00003', patch: { note: 'Compare with ReAct' } }, sender);
    expect(await search('react')).toEqual(['2501.00003']);
    const removed = await h.removeShortlisted({ ids: ['2501.00002'] }, sender);
    expect(await titles()).toEqual({ total: 2, titles: ['Agents', 'Reward models'] });
    await h.restoreShortlisted({ records: removed }, sender);
    expect(await titles()).toEqual({ total: 3, titles: ['Agents', 'Diffusion', 'Reward models'] });
    await save('2501.00004', { title: 'Scaling laws' });
    expect((await titles(1)).titles).toEqual(['Scaling laws']);
    expect(await search('scaling')).toEqual(['2501.00004']);
  });

  it('answers an empty shortlist', async () => {
    const h = createHandlers({ db: openPaperlightDb(`slv-${++n}`) });
    expect(await h.listShortlistSummaries({ limit: 40 }, sender)).toEqual({ total: 0, lines: '' });
    expect(await h.searchShortlist({ query: 'x' }, sender)).toEqual({ ids: [] });
  });
});
