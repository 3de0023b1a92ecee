import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import type { PaperlightDB } from '../db/schema';
import type { PaintPush } from '../messaging/protocol';
import { setMatchBadge } from './badge';
import { pageState } from './page-state';
import type { Scorer } from './scorer';
import { listTabResults, saveTabResults } from './tab-results';

/** Quiet time after a change before re-scoring the open tabs (typing a query, several ☆ in a row). */
export const BROADCAST_DELAY_MS = 120;

export interface Broadcaster {
  /** Re-scores every open annotated tab soon and sends each its new scores. */
  schedule(): void;
  /** Resolves when the scheduled re-score has been sent (tests). */
  flushed(): Promise<void>;
}

/**
 * Keeps open pages in step with the popup: after interests, shortlist, feedback, settings or the learned
 * model change, every tab that reported entries gets its new scores, without reloading.
 */
export function createBroadcaster(
  db: Promise<IDBPDatabase<PaperlightDB>>,
  scorer: Scorer,
  send: (tabId: number, push: PaintPush) => Promise<unknown> = (tabId, data) =>
    browser.tabs.sendMessage(tabId, { paperlight: 1, type: 'paint', data }),
): Broadcaster {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  async function rescoreAll(): Promise<void> {
    const tabs = await listTabResults();
    await Promise.all(
      tabs.map(async ({ tabId, results: old }) => {
        const state = await pageState(db, scorer, old.entries);
        await saveTabResults(tabId, { ...old, results: state.results, updatedAt: Date.now() });
        await setMatchBadge(tabId, state.results.filter((r) => r.score > 0).length, old.warning !== undefined);
        // A tab that closed or navigated away has no listener: nothing to do.
        await send(tabId, { url: old.url, ...state }).catch(() => undefined);
      }),
    );
  }

  return {
    schedule() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        running = running
          .then(rescoreAll)
          .catch((e: unknown) => console.warn('Paperlight: could not update open tabs', e));
      }, BROADCAST_DELAY_MS);
    },
    async flushed() {
      while (timer !== undefined) await new Promise((r) => setTimeout(r, BROADCAST_DELAY_MS));
      await running;
    },
  };
}
