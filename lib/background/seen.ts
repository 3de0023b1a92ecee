import type { IDBPDatabase } from 'idb';
import { recordSeen } from '../db/database';
import type { PaperlightDB } from '../db/schema';
import type { PaperEntry } from '../schema/paper';

/**
 * The "seen" history as the page needs it: which reported papers are new, answered from a read-only lookup so
 * that the page need not wait for the history's writes, which follow the answer one report after another.
 */
export class SeenHistory {
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Promise<IDBPDatabase<PaperlightDB>>) {}

  /** Ids of these papers never seen before (after the writes already queued, so a re-report is not "new"). */
  async unseen(ids: readonly string[]): Promise<Set<string>> {
    await this.writes;
    if (ids.length === 0) return new Set();
    // One request for the key range the page's ids span, not one per id: a listing's ids sit close together
    // (arXiv ids of one week, say), and 2,000 separate requests take a few hundred milliseconds.
    const sorted = [...ids].sort();
    const range = IDBKeyRange.bound(sorted[0]!, sorted[sorted.length - 1]!);
    const seen = new Set(await (await this.db).getAllKeys('seen', range));
    return new Set(ids.filter((id) => !seen.has(id)));
  }

  /**
   * Queues the record of these papers as seen `now`; resolves when written (failures are logged, not thrown).
   * Lookups made after this call see these papers as seen.
   */
  record(papers: readonly PaperEntry[], now: number): Promise<void> {
    // In a task of its own, after the report that asked for it has been answered.
    const write = this.writes.then(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      // Seen history is a convenience: a failing database must not cost the user their highlights.
      try {
        await recordSeen(await this.db, papers, now);
      } catch (error) {
        console.warn('Paperlight: could not record seen papers', error);
      }
    });
    this.writes = write;
    return write;
  }
}
