import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyImport } from '../../../lib/db/backup';
import { recordSeen } from '../../../lib/db/database';
import { StorageError, toStorageError } from '../../../lib/db/errors';
import { newRecord } from '../../../lib/db/records';
import { getShortlisted, listShortlistRecords, saveToShortlist, setFeedback } from '../../../lib/db/shortlist';
import { aliasProblems, arxivPaper, freshDb } from './fixtures';

/** Makes the `failAt`-th put from now on throw as a full disk does. */
function failPut(failAt: number, error = new DOMException('The quota has been exceeded.', 'QuotaExceededError')) {
  const original = IDBObjectStore.prototype.put;
  let calls = 0;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (++calls === failAt) throw error;
    return original.apply(this, args);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('storage failures', () => {
  it('a failing put while saving throws a StorageError for the user and keeps what was saved', async () => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(1), { tags: ['x'] }, 1);
    const before = await listShortlistRecords(db);
    failPut(1);
    const error = await saveToShortlist(db, arxivPaper(2), {}, 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'quota', action: 'save the paper' });
    expect((error as Error).message).toMatch(/^Paperlight could not save the paper: the browser's storage is full\./);
    expect((error as Error).message).toContain('Nothing already saved was lost');
    vi.restoreAllMocks();
    expect(await listShortlistRecords(db)).toEqual(before);
    db.close();
  });

  it('a failing put in the middle of an import rolls the whole import back', async () => {
    const db = await freshDb();
    for (let i = 0; i < 5; i++) await saveToShortlist(db, arxivPaper(i), {}, i);
    const before = await listShortlistRecords(db);
    const incoming = Array.from({ length: 20 }, (_, i) => newRecord(arxivPaper(100 + i), {}, 50));
    failPut(10);
    await expect(applyImport(db, { shortlist: incoming }, 'merge')).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect(await listShortlistRecords(db)).toEqual(before);
    // A replace import empties the store first: a failure must not leave it empty.
    failPut(3);
    await expect(applyImport(db, { shortlist: incoming }, 'replace')).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect(await listShortlistRecords(db)).toEqual(before);
    db.close();
  });

  it('a failing put while two records of one paper merge keeps both old records', async () => {
    const db = await freshDb();
    await saveToShortlist(
      db,
      { id: 'doi:10.1/x', source: 'dblp', url: 'u1', title: 'X', authors: [], doi: '10.1/x' },
      {},
      1,
    );
    await saveToShortlist(db, arxivPaper(9), {}, 2);
    const before = await listShortlistRecords(db);
    failPut(1);
    // The merge deletes both records before it writes the joined one: the failed write must undo the deletes.
    await expect(saveToShortlist(db, arxivPaper(9, { doi: '10.1/x' }), {}, 3)).rejects.toBeInstanceOf(StorageError);
    vi.restoreAllMocks();
    expect(await listShortlistRecords(db)).toEqual(before);
    expect(await aliasProblems(db)).toEqual([]);
    // The same when the alias store's write is the one that fails.
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(saveToShortlist(db, arxivPaper(9, { doi: '10.1/x' }), {}, 3)).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect(await listShortlistRecords(db)).toEqual(before);
    expect(await aliasProblems(db)).toEqual([]);
    db.close();
  });

  it('a transaction aborted under a write (the browser gave up) is an "aborted" StorageError, nothing written', async () => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(1), {}, 1);
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = original.apply(this, args);
      this.transaction.abort();
      return request;
    });
    await expect(saveToShortlist(db, arxivPaper(2), {}, 2)).rejects.toMatchObject({ kind: 'aborted' });
    vi.restoreAllMocks();
    expect((await listShortlistRecords(db)).map((r) => r.id)).toEqual(['2401.00001']);
    db.close();
  });

  it('a closed database is "unavailable" for reads and writes alike', async () => {
    const db = await freshDb();
    db.close();
    await expect(getShortlisted(db, 'x')).rejects.toMatchObject({ name: 'StorageError', kind: 'unavailable' });
    await expect(setFeedback(db, arxivPaper(1), 'up')).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(recordSeen(db, [{ id: 'a', source: 's' }])).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('maps IndexedDB error names to kinds and passes a StorageError through', () => {
    expect(toStorageError(new DOMException('x', 'QuotaExceededError'), 'a').kind).toBe('quota');
    expect(toStorageError(new DOMException('x', 'AbortError'), 'a').kind).toBe('aborted');
    expect(toStorageError(new DOMException('x', 'DataCloneError'), 'a').kind).toBe('invalid');
    expect(toStorageError(new DOMException('x', 'UnknownError'), 'a').kind).toBe('unavailable');
    expect(toStorageError('weird', 'a').kind).toBe('unavailable');
    const e = new StorageError('quota', 'save');
    expect(toStorageError(e, 'other')).toBe(e);
    expect(toStorageError(new DOMException('x', 'AbortError'), 'a').cause).toBeInstanceOf(DOMException);
  });
});
