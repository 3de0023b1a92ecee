import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { PaperlightDB } from './schema';

type UpgradeTx = IDBPTransaction<PaperlightDB, StoreNames<PaperlightDB>[], 'versionchange'>;

/**
 * Append-only upgrade steps: step N turns a version N-1 database into version N. A step that has shipped is
 * never edited; a change is a new step, with a test that opens a database written by the previous version.
 */
export const UPGRADE_STEPS: readonly ((db: IDBPDatabase<PaperlightDB>, tx: UpgradeTx) => void)[] = [
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
];

/** The current database version: one per step. */
export const DB_VERSION = UPGRADE_STEPS.length;

/** Runs the steps a database at `oldVersion` lacks, in order. */
export function upgrade(db: IDBPDatabase<PaperlightDB>, oldVersion: number, tx: UpgradeTx): void {
  for (let step = oldVersion; step < UPGRADE_STEPS.length; step++) UPGRADE_STEPS[step]?.(db, tx);
}
