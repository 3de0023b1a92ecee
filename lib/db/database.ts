import { openDB, type IDBPDatabase, type IDBPObjectStore, type StoreNames } from 'idb';
import { DB_VERSION, upgrade } from './migrations';
import type { PaperEntry } from '../schema/paper';
import { t } from '../util/t';
import { DB_NAME, SEEN_LIMIT, type PaperlightDB, type SeenRecord } from './schema';
import { requestAll, writeTransaction } from './transaction';

/** Opens (and upgrades) the extension's database; only the background calls this. */
export function openPaperlightDb(name = DB_NAME): Promise<IDBPDatabase<PaperlightDB>> {
  return openDB<PaperlightDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => void upgrade(db, oldVersion, tx),
  });
}

/**
 * Records that papers were shown, keeping when each was first seen; returns the ids never seen before. The
 * history keeps the `limit` papers seen last: it feeds "new" badges and the ranker, and must not grow forever.
 */
export async function recordSeen(
  db: IDBPDatabase<PaperlightDB>,
  papers: readonly (Pick<PaperEntry, 'id' | 'source'> & Partial<Pick<PaperEntry, 'title' | 'abstract' | 'authors'>>)[],
  now = Date.now(),
  limit = SEEN_LIMIT,
): Promise<Set<string>> {
  return writeTransaction(db, ['seen'], t('errors.storage.action.rememberSeen'), async (tx) => {
    const fresh = new Set<string>();
    await requestAll(papers, async ({ id, source, title, abstract, authors }) => {
      const old = await tx.store.get(id);
      if (!old) fresh.add(id);
      const record: SeenRecord = {
        id,
        source,
        firstSeenAt: old?.firstSeenAt ?? now,
        lastSeenAt: now,
        ...(title ? { title } : {}),
        ...(abstract ? { abstract: abstract.slice(0, 5000) } : {}),
        ...(authors ? { authors: authors.slice(0, 50) } : {}),
      };
      await tx.store.put(record);
    });
    await pruneSeen(tx.store, limit);
    return fresh;
  });
}

/** Deletes the papers seen longest ago until at most `limit` remain. */
export async function pruneSeen(
  store: IDBPObjectStore<PaperlightDB, ArrayLike<StoreNames<PaperlightDB>>, 'seen', 'readwrite'>,
  limit: number,
): Promise<void> {
  let excess = (await store.count()) - limit;
  if (excess <= 0) return;
  let cursor = await store.index('lastSeenAt').openCursor();
  while (cursor && excess-- > 0) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
}
