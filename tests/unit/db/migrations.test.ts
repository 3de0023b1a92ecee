import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { openPaperlightDb } from '../../../lib/db/database';
import { DB_VERSION, UPGRADE_STEPS } from '../../../lib/db/migrations';
import type { PaperlightDB } from '../../../lib/db/schema';
import { listShortlistRecords } from '../../../lib/db/shortlist';
import { ShortlistRecordSchema } from '../../../lib/schema/shortlist';
import { arxivPaper, freshName } from './fixtures';

/** Creates a database as version `version` of Paperlight left it (only the steps that version shipped). */
async function databaseAtVersion(name: string, version: number) {
  return openDB<PaperlightDB>(name, version, {
    upgrade: async (db, oldVersion, _n, tx) => {
      for (let step = oldVersion; step < version; step++) await UPGRADE_STEPS[step]!(db, tx);
    },
  });
}

describe('upgrade step 3 (from a version 2 database)', () => {
  it('is the current version', () => {
    expect(DB_VERSION).toBe(3);
  });

  it('rewrites every shortlist record in the new form; seen and feedback records survive untouched', async () => {
    const name = freshName();
    const v2 = await databaseAtVersion(name, 2);
    const saved = Array.from({ length: 40 }, (_, i) => ({
      id: arxivPaper(i).id,
      paper: arxivPaper(i),
      savedAt: 100 + i,
    }));
    const seen = Array.from({ length: 30 }, (_, i) => ({
      id: `s${i}`,
      source: 'arxiv',
      firstSeenAt: i,
      lastSeenAt: i + 1,
    }));
    const feedback = [{ id: 'f1', paper: arxivPaper(900), verdict: 'down' as const, at: 5 }];
    // Version 2 records lack every new field: write them as version 2 did.
    for (const r of saved) await v2.put('shortlist', r as never);
    for (const r of seen) await v2.put('seen', r);
    for (const r of feedback) await v2.put('feedback', r);
    v2.close();

    const db = await openPaperlightDb(name);
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['aliases', 'feedback', 'seen', 'shortlist']);
    expect([...db.transaction('shortlist').store.indexNames].sort()).toEqual(
      ['interestTags', 'readState', 'savedAt', 'sites', 'tags'].sort(),
    );
    expect(await db.getAll('aliases')).toEqual(
      saved.map((r) => ({ alias: r.id, id: r.id })).sort((a, b) => a.alias.localeCompare(b.alias)),
    );
    const records = await listShortlistRecords(db, { order: 'oldest' });
    expect(records).toHaveLength(40);
    records.forEach((r, i) => {
      expect(ShortlistRecordSchema.parse(r)).toEqual(r);
      expect(r).toEqual({
        id: saved[i]!.id,
        paper: saved[i]!.paper,
        aliases: [saved[i]!.id],
        sources: [{ source: 'arxiv', url: saved[i]!.paper.url, at: saved[i]!.savedAt }],
        sites: ['arxiv'],
        tags: [],
        interestTags: [],
        note: '',
        readState: 'unread',
        score: 0,
        savedAt: saved[i]!.savedAt,
        updatedAt: saved[i]!.savedAt,
      });
    });
    expect(await db.getAll('seen')).toEqual([...seen].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.getAll('feedback')).toEqual(feedback);
    db.close();
  });

  it('two version 2 records of one paper (by arXiv id and by DOI) become one record keeping both', async () => {
    const name = freshName();
    const v2 = await databaseAtVersion(name, 2);
    const byArxiv = arxivPaper(1, { doi: '10.1/one' });
    const byDoi = {
      id: 'doi:10.1/one',
      source: 'dblp',
      url: 'https://dblp.org/rec/one',
      title: 'One',
      authors: ['A'],
      doi: '10.1/one',
    };
    await v2.put('shortlist', { id: byArxiv.id, paper: byArxiv, savedAt: 20 } as never);
    await v2.put('shortlist', { id: byDoi.id, paper: byDoi, savedAt: 10 } as never);
    v2.close();
    const db = await openPaperlightDb(name);
    const records = await listShortlistRecords(db);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: '2401.00001', savedAt: 10, sites: ['dblp', 'arxiv'] });
    expect(records[0]!.aliases.sort()).toEqual(['2401.00001', 'doi:10.1/one']);
    expect(await db.getAll('aliases')).toEqual([
      { alias: '2401.00001', id: '2401.00001' },
      { alias: 'doi:10.1/one', id: '2401.00001' },
    ]);
    db.close();
  });

  it('a step that fails leaves the version 2 database as it was (nothing half-migrated, nothing lost)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const name = freshName();
    const v2 = await databaseAtVersion(name, 2);
    const records = [1, 2, 3].map((i) => ({ id: arxivPaper(i).id, paper: arxivPaper(i), savedAt: i }));
    for (const r of records) await v2.put('shortlist', r as never);
    v2.close();
    // The store is already cleared and rewritten when index creation fails: the whole upgrade must roll back.
    vi.spyOn(IDBObjectStore.prototype, 'createIndex').mockImplementation(() => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });
    await expect(openPaperlightDb(name)).rejects.toThrow();
    vi.restoreAllMocks();
    const again = await openDB(name);
    expect(again.version).toBe(2);
    expect(await again.getAll('shortlist')).toEqual(records);
    expect([...again.transaction('shortlist').store.indexNames]).toEqual(['savedAt']);
    again.close();
  });
});
