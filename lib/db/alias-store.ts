import type { IDBPObjectStore, StoreNames } from 'idb';
import type { PaperlightDB, ShortlistRecord } from './schema';
import { requestAll } from './transaction';

type Store<Name extends StoreNames<PaperlightDB>, Mode extends IDBTransactionMode> = IDBPObjectStore<
  PaperlightDB,
  ArrayLike<StoreNames<PaperlightDB>>,
  Name,
  Mode
>;

/**
 * The shortlist's two stores inside one transaction: the records, and the alias store that maps every id a
 * saved paper is known by to its record. The alias store is a store, not an index, so that "which of these
 * 2,000 listed ids are saved" is one `getAllKeys` (an index can only list the records' own keys).
 */
export interface ShortlistStores<Mode extends IDBTransactionMode = 'readwrite'> {
  records: Store<'shortlist', Mode>;
  aliases: Store<'aliases', Mode>;
}

/** The stores in a transaction that may write: a read-write one, or the upgrade. */
type WritableStores = ShortlistStores<'readwrite' | 'versionchange'>;

/** The distinct saved records known by any of these ids (arXiv id, `doi:…`, site id). */
export async function findByAliases<Mode extends IDBTransactionMode>(
  stores: ShortlistStores<Mode>,
  ids: readonly string[],
): Promise<ShortlistRecord[]> {
  const entries = await requestAll(ids, (id) => stores.aliases.get(id));
  const recordIds = [...new Set(entries.flatMap((e) => (e ? [e.id] : [])))];
  const records = await requestAll(recordIds, (id) => stores.records.get(id));
  return records.filter((r): r is ShortlistRecord => r !== undefined);
}

/** Deletes records and their aliases. */
export async function deleteRecords(stores: WritableStores, records: readonly ShortlistRecord[]): Promise<void> {
  await requestAll(records, (r) => stores.records.delete(r.id));
  await requestAll(
    records.flatMap((r) => r.aliases),
    (alias) => stores.aliases.delete(alias),
  );
}

/** Writes a record and its aliases; an alias another record holds fails the transaction (ConstraintError). */
export async function addRecord(stores: WritableStores, record: ShortlistRecord): Promise<void> {
  await stores.records.put(record);
  await requestAll(record.aliases, (alias) => stores.aliases.add({ alias, id: record.id }));
}
