import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { toStorageError } from './errors';
import type { PaperlightDB } from './schema';

type Db = IDBPDatabase<PaperlightDB>;
type Stores = ArrayLike<StoreNames<PaperlightDB>>;

/**
 * Runs `work` in one read-write transaction: it commits whole or not at all. Any failure (a request that
 * fails, a throw in `work`, a quota error at commit) aborts the transaction and becomes a StorageError.
 */
export async function writeTransaction<const S extends Stores, T>(
  db: Db,
  stores: S,
  action: string,
  work: (tx: IDBPTransaction<PaperlightDB, S, 'readwrite'>) => Promise<T>,
): Promise<T> {
  let tx: IDBPTransaction<PaperlightDB, S, 'readwrite'> | undefined;
  try {
    tx = db.transaction(stores, 'readwrite');
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    // A request that threw synchronously does not abort the transaction by itself: without this, the writes
    // made before it would commit and leave half a change.
    try {
      tx?.abort();
    } catch {
      // Already aborted or finished.
    }
    await tx?.done.catch(() => undefined);
    throw toStorageError(error, action);
  }
}

/** Runs a read, turning an IndexedDB failure into a StorageError. */
export async function read<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error, action);
  }
}

/**
 * Issues one request per item and waits for them all. Unlike `Promise.all(items.map(…))`, a request that throws
 * synchronously midway (IndexedDB does, e.g. for a value it cannot clone) leaves no earlier request's promise
 * unobserved when the transaction then aborts them.
 */
export function requestAll<T, R>(items: readonly T[], issue: (item: T) => Promise<R>): Promise<R[]> {
  const pending: Promise<R>[] = [];
  try {
    for (const item of items) pending.push(issue(item));
  } catch (error) {
    for (const p of pending) p.catch(() => undefined);
    return Promise.reject(error);
  }
  return Promise.all(pending);
}
