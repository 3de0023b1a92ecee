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
    const file = await a.exportFile({ format: 'backup', includeSeen: false }, sender);
    expect(file).toMatchObject({ fileName: 'paperlight-backup-1970-01-01.json', count: 2 });
    const exported = JSON.parse(file.text) as { shortlist: unknown[]; feedback: unknown[]; interests: unknown[] };
    expect(exported).not.toHaveProperty('seen');

    fakeBrowser.reset();
    const b = createHandlers({ db: openPaperlightDb(`sl-${++n}`) });
    const request = { text: file.text, fileName: file.fileName, mode: 'replace' as const };
    const preview = await b.importFile({ ...request, dryRun: true }, sender);
    expect(preview.added.sort()).toEqual(['2501.00001', '2501.00002']);
    expect(await b.listShortlistRecords({}, sender)).toEqual([]);
    await b.importFile({ ...request, dryRun: false }, sender);
    const back = JSON.parse(
      (await b.exportFile({ format: 'backup', includeSeen: false }, sender)).text,
    ) as typeof exported;
    expect(back.shortlist).toEqual(exported.shortlist);
    expect(back.feedback).toEqual(exported.feedback);
    expect(back.interests).toEqual(exported.interests);
    // A broken file changes nothing and says why.
    await expect(b.importFile({ ...request, text: file.text.slice(0, 100), dryRun: false }, sender)).rejects.toThrow(
      /Nothing was imported/,
    );
    expect(await b.listShortlistRecords({}, sender)).toHaveLength(2);
    expect(await readInterests()).toEqual(exported.interests);
  });
});
