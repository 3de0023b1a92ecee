import { describe, expect, it } from 'vitest';
import {
  getShortlisted,
  listShortlist,
  listShortlistRecords,
  rankerTrainingSet,
  removeManyShortlisted,
  removeShortlisted,
  restoreShortlisted,
  saveToShortlist,
  savedIds,
  setShortlisted,
  shortlistFacets,
  updateShortlisted,
} from '../../../lib/db/shortlist';
import { recordSeen } from '../../../lib/db/database';
import { StorageError } from '../../../lib/db/errors';
import { ShortlistRecordSchema } from '../../../lib/schema/shortlist';
import { aliasProblems, arxivPaper, freshDb } from './fixtures';

describe('shortlist: one record per paper', () => {
  it('saves a paper with its source, interest tags and score, and lists it', async () => {
    const db = await freshDb();
    const record = await saveToShortlist(db, arxivPaper(1), { interestTags: ['RLHF'], score: 72 }, 1000);
    expect(record).toEqual({
      id: '2401.00001',
      paper: arxivPaper(1),
      aliases: ['2401.00001'],
      sources: [{ source: 'arxiv', url: 'https://arxiv.org/abs/2401.00001', at: 1000 }],
      sites: ['arxiv'],
      tags: [],
      interestTags: ['RLHF'],
      note: '',
      readState: 'unread',
      score: 72,
      savedAt: 1000,
      updatedAt: 1000,
    });
    expect(ShortlistRecordSchema.parse(record)).toEqual(record);
    expect(await listShortlist(db)).toEqual([arxivPaper(1)]);
    db.close();
  });

  it('the same arXiv paper from Hugging Face and arXiv is one record keeping both sources', async () => {
    const db = await freshDb();
    await saveToShortlist(
      db,
      arxivPaper(7, { source: 'huggingface', url: 'https://huggingface.co/papers/2401.00007' }),
      {},
      10,
    );
    await saveToShortlist(db, arxivPaper(7, { abstract: 'Longer text from arXiv.', categories: ['cs.CL'] }), {}, 20);
    const all = await listShortlistRecords(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: '2401.00007',
      savedAt: 10,
      sites: ['huggingface', 'arxiv'],
      paper: { source: 'huggingface', abstract: 'Longer text from arXiv.', categories: ['cs.CL'] },
    });
    expect(all[0]!.sources.map((s) => s.url)).toEqual([
      'https://huggingface.co/papers/2401.00007',
      'https://arxiv.org/abs/2401.00007',
    ]);
    db.close();
  });

  it('a paper known by an arXiv id and a DOI merges: saved from arXiv, then from ACL with both ids', async () => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(3), {}, 10);
    const acl = {
      id: '2401.00003',
      source: 'acl-anthology',
      url: 'https://aclanthology.org/2024.acl-long.3/',
      title: 'Paper number 3',
      authors: ['Ada Lovelace', 'Alan Turing'],
      venue: 'ACL 2024',
      doi: '10.18653/v1/2024.acl-long.3',
      arxivId: '2401.00003',
    };
    const merged = await saveToShortlist(db, acl, {}, 20);
    expect(merged.aliases.sort()).toEqual(['2401.00003', 'doi:10.18653/v1/2024.acl-long.3']);
    expect(merged.paper).toMatchObject({ venue: 'ACL 2024', doi: '10.18653/v1/2024.acl-long.3' });
    expect((await getShortlisted(db, 'doi:10.18653/v1/2024.acl-long.3'))?.id).toBe('2401.00003');
    expect(await listShortlistRecords(db)).toHaveLength(1);
    db.close();
  });

  it('a DOI-only record and an arXiv record of one paper merge under the arXiv id when a page links them', async () => {
    const db = await freshDb();
    const doiOnly = {
      id: 'doi:10.1/x',
      source: 'dblp',
      url: 'https://dblp.org/rec/x',
      title: 'X',
      authors: ['A B'],
      doi: '10.1/x',
    };
    await saveToShortlist(db, doiOnly, { tags: ['to read'] }, 10);
    await saveToShortlist(db, arxivPaper(9, { title: 'X' }), {}, 20);
    expect(await listShortlistRecords(db)).toHaveLength(2);
    // An ACL page shows both ids: the two records become one, keyed by the arXiv id.
    const bridge = {
      ...doiOnly,
      id: '2401.00009',
      source: 'acl-anthology',
      url: 'https://aclanthology.org/x',
      arxivId: '2401.00009',
    };
    const one = await saveToShortlist(db, bridge, {}, 30);
    const all = await listShortlistRecords(db);
    expect(all).toHaveLength(1);
    expect(one).toMatchObject({
      id: '2401.00009',
      savedAt: 10,
      tags: ['to read'],
      sites: ['dblp', 'arxiv', 'acl-anthology'],
    });
    expect(one.paper.id).toBe('2401.00009');
    expect((await savedIds(db, ['doi:10.1/x', '2401.00009', '2401.99999'])).size).toBe(2);
    expect(await aliasProblems(db)).toEqual([]);
    db.close();
  });

  it('saving again keeps the note, tags, read state and first save time', async () => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(1), { tags: ['a'] }, 10);
    await updateShortlisted(db, '2401.00001', { note: 'Read §3', readState: 'read', tags: ['a', 'b'] }, 15);
    const again = await saveToShortlist(db, arxivPaper(1), { tags: ['c'], interestTags: ['agents'], score: 40 }, 20);
    expect(again).toMatchObject({
      note: 'Read §3',
      readState: 'read',
      tags: ['a', 'b', 'c'],
      savedAt: 10,
      updatedAt: 20,
    });
    expect(again.interestTags).toEqual(['agents']);
    db.close();
  });

  it('setShortlisted keeps working: adds, then removes under any alias', async () => {
    const db = await freshDb();
    await setShortlisted(db, arxivPaper(2, { doi: '10.5/two' }), true, 5);
    expect((await savedIds(db, ['2401.00002', 'doi:10.5/two'])).size).toBe(2);
    await setShortlisted(db, { ...arxivPaper(2), id: 'doi:10.5/two', arxivId: undefined, doi: '10.5/two' }, false);
    expect(await listShortlist(db)).toEqual([]);
    db.close();
  });

  it('updates note, tags (normalised) and read state; unknown ids answer undefined', async () => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(1), {}, 1);
    const next = await updateShortlisted(db, '2401.00001', { tags: ['  RL  ', 'rl', 'Agents'], readState: 'read' }, 9);
    expect(next).toMatchObject({ tags: ['RL', 'Agents'], readState: 'read', updatedAt: 9, note: '' });
    expect(await updateShortlisted(db, 'nope', { note: 'x' })).toBeUndefined();
    await expect(updateShortlisted(db, '2401.00001', { note: 'x'.repeat(20_001) })).rejects.toBeInstanceOf(
      StorageError,
    );
    db.close();
  });

  it('remove returns the record and restore puts it back exactly', async () => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(1), { tags: ['keep'] }, 1);
    await updateShortlisted(db, '2401.00001', { note: 'mine' }, 2);
    const before = await getShortlisted(db, '2401.00001');
    const removed = await removeShortlisted(db, '2401.00001');
    expect(removed).toEqual(before);
    expect(await getShortlisted(db, '2401.00001')).toBeUndefined();
    expect(await removeShortlisted(db, '2401.00001')).toBeUndefined();
    expect(await restoreShortlisted(db, removed!)).toEqual(before);
    expect(await getShortlisted(db, '2401.00001')).toEqual(before);
    db.close();
  });

  it('restore after the paper was saved again merges, keeping the restored note and tags', async () => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(1), { tags: ['old'] }, 1);
    await updateShortlisted(db, '2401.00001', { note: 'mine', readState: 'read' }, 2);
    const removed = (await removeShortlisted(db, '2401.00001'))!;
    await saveToShortlist(db, arxivPaper(1, { source: 'huggingface', url: 'https://hf.co/p' }), { tags: ['new'] }, 3);
    const restored = await restoreShortlisted(db, removed);
    expect(restored).toMatchObject({ note: 'mine', readState: 'read', tags: ['old', 'new'], savedAt: 1 });
    expect(restored.sites).toEqual(['arxiv', 'huggingface']);
    db.close();
  });

  it('removes many in one go, returning what it removed', async () => {
    const db = await freshDb();
    for (let i = 1; i <= 5; i++) await saveToShortlist(db, arxivPaper(i), {}, i);
    const removed = await removeManyShortlisted(db, ['2401.00002', '2401.00004', 'missing']);
    expect(removed.map((r) => r.id).sort()).toEqual(['2401.00002', '2401.00004']);
    expect((await listShortlistRecords(db)).map((r) => r.id)).toEqual(['2401.00005', '2401.00003', '2401.00001']);
    expect(await aliasProblems(db)).toEqual([]);
    db.close();
  });

  it('lists newest first, oldest first, by score, and filtered by tag, interest, site and read state', async () => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(1), { score: 50, tags: ['x'], interestTags: ['RL'] }, 1);
    await saveToShortlist(db, arxivPaper(2, { source: 'huggingface' }), { score: 90 }, 2);
    await saveToShortlist(db, arxivPaper(3), { score: 50, tags: ['x', 'y'] }, 3);
    await updateShortlisted(db, '2401.00003', { readState: 'read' }, 4);
    const ids = async (q: Parameters<typeof listShortlistRecords>[1]) =>
      (await listShortlistRecords(db, q)).map((r) => r.id.slice(-1));
    expect(await ids({})).toEqual(['3', '2', '1']);
    expect(await ids({ order: 'oldest' })).toEqual(['1', '2', '3']);
    expect(await ids({ order: 'score' })).toEqual(['2', '3', '1']);
    expect(await ids({ tag: 'x' })).toEqual(['3', '1']);
    expect(await ids({ tag: 'x', readState: 'unread' })).toEqual(['1']);
    expect(await ids({ interestTag: 'RL' })).toEqual(['1']);
    expect(await ids({ site: 'huggingface' })).toEqual(['2']);
    expect(await ids({ readState: 'read' })).toEqual(['3']);
    expect(await shortlistFacets(db)).toEqual({
      tags: [
        { value: 'x', count: 2 },
        { value: 'y', count: 1 },
      ],
      interestTags: [{ value: 'RL', count: 1 }],
      sites: [
        { value: 'arxiv', count: 2 },
        { value: 'huggingface', count: 1 },
      ],
      readStates: [
        { value: 'unread', count: 2 },
        { value: 'read', count: 1 },
      ],
    });
    db.close();
  });

  it('refuses an invalid paper with a StorageError and stores nothing', async () => {
    const db = await freshDb();
    await expect(saveToShortlist(db, { ...arxivPaper(1), title: '' })).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'invalid',
    });
    expect(await listShortlist(db)).toEqual([]);
    db.close();
  });

  it('the ranker counts a seen paper as labelled when saved under another of its ids', async () => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(1, { doi: '10.1/a' }), {}, 1);
    await recordSeen(
      db,
      [
        { id: 'doi:10.1/a', source: 'dblp', title: 'Same paper' },
        { id: 'z', source: 's', title: 'Other' },
      ],
      2,
    );
    const set = await rankerTrainingSet(db);
    expect(set.unlabeled.map((u) => u.title)).toEqual(['Other']);
    expect(set.positives.map((p) => p.id)).toEqual(['2401.00001']);
    db.close();
  });
});

// Thousands of records: generous time on a loaded two-core machine.
describe('shortlist: concurrent writers', { timeout: 30_000 }, () => {
  it('10 writers saving 100 papers each at once lose nothing: 1,000 records', async () => {
    const db = await freshDb();
    await Promise.all(
      Array.from({ length: 10 }, (_, w) =>
        Promise.all(Array.from({ length: 100 }, (_, i) => saveToShortlist(db, arxivPaper(w * 100 + i), {}, i))),
      ),
    );
    expect((await db.getAllKeys('shortlist')).length).toBe(1000);
    expect(await aliasProblems(db)).toEqual([]);
    db.close();
  });

  it('writers on separate connections (as from several tabs) saving the same papers make one record each', async () => {
    const first = await freshDb();
    const name = first.name;
    const { openPaperlightDb } = await import('../../../lib/db/database');
    const connections = [first, ...(await Promise.all(Array.from({ length: 9 }, () => openPaperlightDb(name))))];
    await Promise.all(
      connections.map((db, w) =>
        Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            saveToShortlist(db, arxivPaper(i, { source: `site${w}`, url: `https://site${w}/${i}` }), {}, w),
          ),
        ),
      ),
    );
    const all = await listShortlistRecords(first);
    expect(all).toHaveLength(100);
    for (const r of all) expect(r.sources).toHaveLength(10);
    expect(await aliasProblems(first)).toEqual([]);
    for (const db of connections) db.close();
  });
});
