import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { PaperEntry } from '../schema/paper';
import { newRecord, RecordSet } from './records';
import type { PaperlightDB } from './schema';
import { addRecord } from './alias-store';
import { requestAll } from './transaction';

type UpgradeTx = IDBPTransaction<PaperlightDB, StoreNames<PaperlightDB>[], 'versionchange'>;

/** A shortlist record as version 2 wrote it. */
interface ShortlistRecordV2 {
  id: string;
  paper: PaperEntry;
  savedAt: number;
}

/**
 * Append-only upgrade steps: step N turns a version N-1 database into version N. A step that has shipped is
 * never edited; a change is a new step, with a test that opens a database written by the previous version.
 * A step may be async, but may await only requests on `tx` (anything else would let the upgrade commit early).
 */
export const UPGRADE_STEPS: readonly ((db: IDBPDatabase<PaperlightDB>, tx: UpgradeTx) => void | Promise<void>)[] = [
  // 1: papers seen on listing pages.
  (db) => {
    const seen = db.createObjectStore('seen', { keyPath: 'id' });
    seen.createIndex('lastSeenAt', 'lastSeenAt');
  },
  // 2: the shortlist (what the learned ranker learns from) and explicit 👎 feedback.
  (db) => {
    const shortlist = db.createObjectStore('shortlist', { keyPath: 'id' });
    shortlist.createIndex('savedAt', 'savedAt');
    db.createObjectStore('feedback', { keyPath: 'id' });
  },
  // 3: one record per paper (aliases: arXiv id, DOI, site ids), with the sources it was seen at, user tags, note,
  // read state and score; an alias store; indexes for the popup's views (by date saved, tag, interest, site,
  // read state). Version 2 records are rewritten in place; two of the same paper (saved by arXiv id and by DOI)
  // become one.
  async (db, tx) => {
    const records = tx.objectStore('shortlist');
    const old = (await records.getAll()) as unknown as ShortlistRecordV2[];
    const merged = new RecordSet(old.map((r) => newRecord({ ...r.paper, id: r.id }, {}, r.savedAt))).records();
    db.createObjectStore('aliases', { keyPath: 'alias' });
    const stores = { records, aliases: tx.objectStore('aliases') };
    await records.clear();
    await requestAll(merged, (r) => addRecord(stores, r));
    records.createIndex('tags', 'tags', { multiEntry: true });
    records.createIndex('interestTags', 'interestTags', { multiEntry: true });
    records.createIndex('sites', 'sites', { multiEntry: true });
    records.createIndex('readState', 'readState');
  },
];

/** The current database version: one per step. */
export const DB_VERSION = UPGRADE_STEPS.length;

/**
 * Runs the steps a database at `oldVersion` lacks, in order. A failing step aborts the whole upgrade, so the
 * database stays as the previous version left it (and opening it fails) rather than half-migrated.
 */
export async function upgrade(db: IDBPDatabase<PaperlightDB>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  try {
    for (let step = oldVersion; step < UPGRADE_STEPS.length; step++) await UPGRADE_STEPS[step]?.(db, tx);
  } catch (error) {
    console.error('Paperlight: database upgrade failed; the database was left as it was', error);
    try {
      tx.abort();
    } catch {
      // The failure already aborted it.
    }
    // openDB reports the failure; the transaction's own rejection has no one else to go to.
    tx.done.catch(() => undefined);
  }
}
