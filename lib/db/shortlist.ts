import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { PaperEntrySchema, type PaperEntry } from '../schema/paper';
import {
  ShortlistPatchSchema,
  ShortlistRecordSchema,
  type ShortlistPatch,
  type ShortlistQuery,
} from '../schema/shortlist';
import { t } from '../util/t';
import { addRecord, deleteRecords, findByAliases, type ShortlistStores } from './alias-store';
import { StorageError } from './errors';
import { combine, mergeAll, newRecord, normalizeTags, paperKeys, type SaveOptions, type UpsertMode } from './records';
import type { PaperlightDB, ShortlistRecord } from './schema';
import { read, writeTransaction } from './transaction';

type Db = IDBPDatabase<PaperlightDB>;

export type { SaveOptions } from './records';

/** The shortlist's stores in a read-write transaction over both. */
function storesOf(tx: IDBPTransaction<PaperlightDB, ['shortlist', 'aliases'], 'readwrite'>): ShortlistStores {
  return { records: tx.objectStore('shortlist'), aliases: tx.objectStore('aliases') };
}

/** Writes `incoming`, merged with every record of the same paper, in the caller's transaction. */
async function upsertRecord(stores: ShortlistStores, incoming: ShortlistRecord, mode: UpsertMode) {
  const replaced = await findByAliases(stores, incoming.aliases);
  const result = combine(mergeAll(replaced), incoming, mode);
  // Deletes first: the merged record takes over the old records' aliases.
  await deleteRecords(stores, replaced);
  await addRecord(stores, result);
  return { result, replaced };
}

/**
 * Saves a paper (or adds what this page shows of it to its record: another source, an arXiv id or a DOI that
 * merges two records). Returns the record as stored.
 */
export async function saveToShortlist(
  db: Db,
  paper: PaperEntry,
  options: SaveOptions = {},
  now = Date.now(),
): Promise<ShortlistRecord> {
  const parsed = PaperEntrySchema.safeParse(paper);
  if (!parsed.success) throw new StorageError('invalid', t('errors.storage.action.savePaper'), { cause: parsed.error });
  const incoming = newRecord(parsed.data, options, now);
  return writeTransaction(db, ['shortlist', 'aliases'], t('errors.storage.action.savePaper'), async (tx) => {
    return (await upsertRecord(storesOf(tx), incoming, 'save')).result;
  });
}

/** Adds a paper to the shortlist (keeping when it was first saved) or removes it (under any of its ids). */
export async function setShortlisted(db: Db, paper: PaperEntry, saved: boolean, now = Date.now()): Promise<void> {
  if (saved) await saveToShortlist(db, paper, {}, now);
  else await removeManyShortlisted(db, paperKeys(paper));
}

/** The saved record of a paper, by any id it is known by. */
export async function getShortlisted(db: Db, id: string): Promise<ShortlistRecord | undefined> {
  return read('read the shortlist', async () => {
    const tx = db.transaction(['shortlist', 'aliases']);
    const [record] = await findByAliases({ records: tx.objectStore('shortlist'), aliases: tx.objectStore('aliases') }, [
      id,
    ]);
    return record;
  });
}

/** Removes a paper (by any of its ids); returns the record removed, which `restoreShortlisted` puts back. */
export async function removeShortlisted(db: Db, id: string): Promise<ShortlistRecord | undefined> {
  return (await removeManyShortlisted(db, [id]))[0];
}

/** Removes several papers in one transaction (all or none); returns the records removed. */
export async function removeManyShortlisted(db: Db, ids: readonly string[]): Promise<ShortlistRecord[]> {
  return writeTransaction(db, ['shortlist', 'aliases'], t('errors.storage.action.removePapers'), async (tx) => {
    const records = await findByAliases(storesOf(tx), ids);
    await deleteRecords(storesOf(tx), records);
    return records;
  });
}

/** Puts back a removed record (undo); merges it with the paper's record if the paper was saved again since. */
export async function restoreShortlisted(db: Db, record: ShortlistRecord): Promise<ShortlistRecord> {
  const parsed = ShortlistRecordSchema.safeParse(record);
  if (!parsed.success)
    throw new StorageError('invalid', t('errors.storage.action.restorePaper'), { cause: parsed.error });
  return writeTransaction(db, ['shortlist', 'aliases'], t('errors.storage.action.restorePaper'), async (tx) => {
    return (await upsertRecord(storesOf(tx), parsed.data, 'restore')).result;
  });
}

/** Changes a saved paper's note, tags or read state; returns the new record, or undefined if it is not saved. */
export async function updateShortlisted(
  db: Db,
  id: string,
  patch: ShortlistPatch,
  now = Date.now(),
): Promise<ShortlistRecord | undefined> {
  const parsed = ShortlistPatchSchema.safeParse(patch);
  if (!parsed.success)
    throw new StorageError('invalid', t('errors.storage.action.updatePaper'), { cause: parsed.error });
  const { note, tags, readState } = parsed.data;
  return writeTransaction(db, ['shortlist', 'aliases'], t('errors.storage.action.updatePaper'), async (tx) => {
    const [old] = await findByAliases(storesOf(tx), [id]);
    if (!old) return undefined;
    const next: ShortlistRecord = {
      ...old,
      ...(note !== undefined ? { note } : {}),
      ...(tags !== undefined ? { tags: normalizeTags(tags) } : {}),
      ...(readState !== undefined ? { readState } : {}),
      updatedAt: now,
    };
    await tx.objectStore('shortlist').put(next);
    return next;
  });
}

/** The saved records that match every filter given, in the order asked. */
export async function listShortlistRecords(db: Db, query: ShortlistQuery = {}): Promise<ShortlistRecord[]> {
  const records = await read('read the shortlist', () => {
    // The most selective index first; the other filters run in memory over its (small) result.
    if (query.tag !== undefined) return db.getAllFromIndex('shortlist', 'tags', query.tag);
    if (query.interestTag !== undefined) return db.getAllFromIndex('shortlist', 'interestTags', query.interestTag);
    if (query.site !== undefined) return db.getAllFromIndex('shortlist', 'sites', query.site);
    if (query.readState !== undefined) return db.getAllFromIndex('shortlist', 'readState', query.readState);
    return db.getAll('shortlist');
  });
  const kept = records.filter(
    (r) =>
      (query.tag === undefined || r.tags.includes(query.tag)) &&
      (query.interestTag === undefined || r.interestTags.includes(query.interestTag)) &&
      (query.site === undefined || r.sites.includes(query.site)) &&
      (query.readState === undefined || r.readState === query.readState),
  );
  const newest = (a: ShortlistRecord, b: ShortlistRecord) => b.savedAt - a.savedAt || a.id.localeCompare(b.id);
  if (query.order === 'oldest') return kept.sort((a, b) => a.savedAt - b.savedAt || a.id.localeCompare(b.id));
  if (query.order === 'score') return kept.sort((a, b) => b.score - a.score || newest(a, b));
  return kept.sort(newest);
}

/**
 * How many papers are saved and the `limit` saved last, newest first: the first screen of the shortlist view,
 * read through the date index without reading every record.
 */
export async function newestShortlisted(db: Db, limit: number): Promise<{ total: number; records: ShortlistRecord[] }> {
  return read('read the shortlist', async () => {
    const tx = db.transaction('shortlist');
    const total = await tx.store.count();
    const records: ShortlistRecord[] = [];
    let cursor = limit > 0 ? await tx.store.index('savedAt').openCursor(null, 'prev') : null;
    while (cursor && records.length < limit) {
      records.push(cursor.value);
      cursor = await cursor.continue();
    }
    return { total, records };
  });
}

/** The shortlisted papers, newest first. */
export async function listShortlist(db: Db): Promise<PaperEntry[]> {
  return (await listShortlistRecords(db)).map((r) => r.paper);
}

/** A value of a filter and how many saved papers have it. */
export interface Facet<T = string> {
  value: T;
  count: number;
}

/** The values of each filter (tags, interest tags, sites, read states) with their counts, most used first. */
export async function shortlistFacets(db: Db) {
  const tx = db.transaction('shortlist');
  const count = async <I extends 'tags' | 'interestTags' | 'sites' | 'readState'>(name: I) => {
    const counts = new Map<PaperlightDB['shortlist']['indexes'][I], number>();
    for (let c = await tx.store.index(name).openKeyCursor(); c; c = await c.continue()) {
      const key = c.key as PaperlightDB['shortlist']['indexes'][I];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts]
      .map(([value, n]): Facet<typeof value> => ({ value, count: n }))
      .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
  };
  return read('read the shortlist', async () => {
    const [tags, interestTags, sites, readStates] = [
      await count('tags'),
      await count('interestTags'),
      await count('sites'),
      await count('readState'),
    ];
    return { tags, interestTags, sites, readStates };
  });
}

/** Which of these papers are shortlisted, under any id they are known by (an HF paper saved on arXiv counts). */
export async function savedIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  // One key list beats thousands of gets: the shortlist is small next to a 2,000-entry listing.
  const aliases = new Set(await read('read the shortlist', () => db.getAllKeys('aliases')));
  return new Set(ids.filter((id) => aliases.has(id)));
}

/** The 👍/👎 given to these papers. */
export async function feedbackFor(db: Db, ids: readonly string[]): Promise<Map<string, 'up' | 'down'>> {
  const wanted = new Set(ids);
  const out = new Map<string, 'up' | 'down'>();
  for (const r of await read('read feedback', () => db.getAll('feedback'))) {
    if (wanted.has(r.id)) out.set(r.id, r.verdict);
  }
  return out;
}

/** Records 👍 or 👎 on a paper, or clears it (verdict null). */
export async function setFeedback(
  db: Db,
  paper: PaperEntry,
  verdict: 'up' | 'down' | null,
  now = Date.now(),
): Promise<void> {
  await writeTransaction(db, ['feedback'], t('errors.storage.action.recordFeedback'), async (tx) => {
    if (verdict) await tx.store.put({ id: paper.id, paper, verdict, at: now });
    else await tx.store.delete(paper.id);
  });
}

/** What the ranker learns from: shortlist and 👍 (positives), 👎 (negatives), and recent papers seen but not saved. */
export async function rankerTrainingSet(db: Db, maxUnlabeled = 5000) {
  const [shortlist, feedback] = await Promise.all([db.getAll('shortlist'), db.getAll('feedback')]);
  // A seen paper is labelled if saved under any of its ids (seen on ACL by DOI, saved on arXiv).
  const saved = new Set(shortlist.flatMap((r) => r.aliases));
  const labelled = new Set([...saved, ...feedback.map((r) => r.id)]);
  const unlabeled: { title: string; abstract?: string; authors?: string[] }[] = [];
  let cursor = await db.transaction('seen').store.index('lastSeenAt').openCursor(null, 'prev');
  while (cursor && unlabeled.length < maxUnlabeled) {
    const r = cursor.value;
    if (r.title && !labelled.has(r.id)) unlabeled.push({ title: r.title, abstract: r.abstract, authors: r.authors });
    cursor = await cursor.continue();
  }
  return {
    positives: [
      ...shortlist.map((r) => r.paper),
      ...feedback.filter((r) => r.verdict === 'up' && !saved.has(r.id)).map((r) => r.paper),
    ],
    negatives: feedback.filter((r) => r.verdict !== 'up' && !saved.has(r.id)).map((r) => r.paper),
    unlabeled,
  };
}
