import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { openPaperlightDb } from '../../../lib/db/database';
import { readInterests } from '../../../lib/storage/interests';
import { interest, paper } from '../helpers';
import { interestsItem } from '../../../lib/storage/interests';

const sender = { tab: { id: 1 } } as Parameters<ReturnType<typeof createHandlers>['reportEntries']>[1];
let n = 0;

describe('shortlist messages: save with tags, edit, remove and undo, export and import', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await interestsItem.setValue([interest({ id: 'agents', name: 'Agents', query: 'agent' })]);
  });

  it('saves the interests a paper matched and its score; edits, removes and restores it', async () => {
    const h = createHandlers({ db: openPaperlightDb(`sl-${++n}`), now: () => 1000 });
    const p = paper({ id: '2501.00001', title: 'Agents' });
    await h.setShortlisted({ paper: p, saved: true, interestTags: ['Agents'], score: 70 }, sender);
    const [record] = await h.listShortlistRecords({}, sender);
    expect(record).toMatchObject({ id: p.id, interestTags: ['Agents'], score: 70, readState: 'unread', note: '' });
    await h.updateShortlisted({ id: p.id, patch: { note: 'read first', readState: 'read' } }, sender);
    expect((await h.listShortlistRecords({ readState: 'read' }, sender)).map((r) => r.note)).toEqual(['read first']);
    const removed = await h.removeShortlisted({ ids: [p.id] }, sender);
    expect(await h.listShortlistRecords({}, sender)).toEqual([]);
    await h.restoreShortlisted({ records: removed }, sender);
    expect(await h.listShortlistRecords({}, sender)).toEqual(removed);
  });

  it('exports everything and imports it into an empty profile unchanged, previewing first', async () => {
    const a = createHandlers({ db: openPaperlightDb(`sl-${++n}`), now: () => 2000 });
    for (const id of ['2501.00001', '2501.00002']) {
      await a.setShortlisted({ paper: paper({ id, title: `Agents ${id}` }), saved: true }, sender);
    }
    await a.setFeedback({ paper: paper({ id: '2501.00003', title: 'x' }), verdict: 'down' }, sender);
    const exported = await a.exportData({ includeSeen: false }, sender);
    expect(exported.shortlist).toHaveLength(2);
    expect(exported.seen).toBeUndefined();

    fakeBrowser.reset();
    const b = createHandlers({ db: openPaperlightDb(`sl-${++n}`) });
    const request = { ...exported, mode: 'replace' as const };
    const preview = await b.importData({ ...request, dryRun: true }, sender);
    expect(preview.added.sort()).toEqual(['2501.00001', '2501.00002']);
    expect(await b.listShortlistRecords({}, sender)).toEqual([]);
    await b.importData({ ...request, dryRun: false }, sender);
    const back = await b.exportData({ includeSeen: false }, sender);
    expect(back.shortlist).toEqual(exported.shortlist);
    expect(back.feedback).toEqual(exported.feedback);
    expect(await readInterests()).toEqual(exported.interests);
  });
});
