import type { IDBPDatabase } from 'idb';
import { planImport, type ImportMode, type ImportSummary } from '../import/preview';
import { t } from '../util/t';
import { addRecord, deleteRecords } from './alias-store';
import { pruneSeen } from './database';
import type { FeedbackRecord, PaperlightDB, SeenRecord, ShortlistRecord } from './schema';
import { SEEN_LIMIT } from './schema';
import { read, requestAll, writeTransaction } from './transaction';

type Db = IDBPDatabase<PaperlightDB>;

/** The records an export or a backup holds. */
export interface StoredData {
  /** Newest saved first. */
  shortlist: ShortlistRecord[];
  feedback: FeedbackRecord[];
  seen?: SeenRecord[];
}

/** Reads the shortlist and feedback (and the seen history when asked) in one consistent snapshot. */
export async function readStoredData(db: Db, { includeSeen = false } = {}): Promise<StoredData> {
  return read('read your data', async () => {
    const tx = db.transaction(['shortlist', 'feedback', 'seen']);
    const [shortlist, feedback, seen] = await Promise.all([
      tx.objectStore('shortlist').getAll(),
      tx.objectStore('feedback').getAll(),
      includeSeen ? tx.objectStore('seen').getAll() : undefined,
    ]);
    shortlist.sort((a, b) => b.savedAt - a.savedAt || a.id.localeCompare(b.id));
    return { shortlist, feedback, ...(seen ? { seen } : {}) };
  });
}

/** What importing these records would do to the stored shortlist. */
export async function previewImportInDb(
  db: Db,
  shortlist: readonly ShortlistRecord[],
  mode: ImportMode,
): Promise<ImportSummary> {
  const existing = await read('read the shortlist', () => db.getAll('shortlist'));
  return planImport(existing, shortlist, mode).summary;
}

/**
 * Imports records in one transaction: all of them or, on any failure, none. `replace` empties the shortlist
 * (and feedback and seen history, when the data carries them) first; `merge` joins records of the same paper.
 */
export async function applyImport(
  db: Db,
  data: { shortlist: readonly ShortlistRecord[]; feedback?: readonly FeedbackRecord[]; seen?: readonly SeenRecord[] },
  mode: ImportMode,
  seenLimit = SEEN_LIMIT,
): Promise<ImportSummary> {
  const action = t('errors.storage.action.importFile');
  return writeTransaction(db, ['shortlist', 'aliases', 'feedback', 'seen'], action, async (tx) => {
    const stores = { records: tx.objectStore('shortlist'), aliases: tx.objectStore('aliases') };
    const plan = planImport(await stores.records.getAll(), data.shortlist, mode);
    if (plan.clear) await Promise.all([stores.records.clear(), stores.aliases.clear()]);
    await deleteRecords(stores, plan.delete);
    await requestAll(plan.put, (r) => addRecord(stores, r));

    if (data.feedback) {
      const feedback = tx.objectStore('feedback');
      if (mode === 'replace') await feedback.clear();
      await requestAll(data.feedback, async (r) => {
        const old = mode === 'merge' ? await feedback.get(r.id) : undefined;
        if (!old || old.at <= r.at) await feedback.put(r);
      });
    }

    if (data.seen) {
      const seen = tx.objectStore('seen');
      if (mode === 'replace') await seen.clear();
      await requestAll(data.seen, async (r) => {
        const old = mode === 'merge' ? await seen.get(r.id) : undefined;
        await seen.put(
          old
            ? {
                ...old,
                ...r,
                firstSeenAt: Math.min(old.firstSeenAt, r.firstSeenAt),
                lastSeenAt: Math.max(old.lastSeenAt, r.lastSeenAt),
              }
            : r,
        );
      });
      await pruneSeen(seen, seenLimit);
    }
    return plan.summary;
  });
}
