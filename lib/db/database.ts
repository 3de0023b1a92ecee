import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, upgrade } from './migrations';
import type { PaperEntry } from '../schema/paper';
import { DB_NAME, type PaperlightDB, type SeenRecord } from './schema';

/** Opens (and upgrades) the extension's database; only the background calls this. */
export function openPaperlightDb(name = DB_NAME): Promise<IDBPDatabase<PaperlightDB>> {
  return openDB<PaperlightDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
  });
}

/** Records that papers were shown, keeping when each was first seen; returns the ids never seen before. */
export async function recordSeen(
  db: IDBPDatabase<PaperlightDB>,
  papers: readonly (Pick<PaperEntry, 'id' | 'source'> & Partial<Pick<PaperEntry, 'title' | 'abstract' | 'authors'>>)[],
  now = Date.now(),
): Promise<Set<string>> {
  const tx = db.transaction('seen', 'readwrite');
  const fresh = new Set<string>();
  await Promise.all(
    papers.map(async ({ id, source, title, abstract, authors }) => {
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
    }),
  );
  await tx.done;
  return fresh;
}
