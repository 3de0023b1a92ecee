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
    const tx = (await this.db).transaction('seen');
    const keys = await Promise.all(ids.map((id) => tx.store.getKey(id)));
    return new Set(ids.filter((_, i) => keys[i] === undefined));
  }

  /** Queues the record of these papers as seen now; resolves when written (failures are logged, not thrown). */
  record(papers: readonly PaperEntry[], now: number): Promise<void> {
    const write = this.writes.then(async () => {
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
