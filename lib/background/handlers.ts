import type { IDBPDatabase } from 'idb';
import type { PaperlightDB } from '../db/schema';
import { recordSeen } from '../db/database';
import type { Handlers } from '../messaging/router';
import { compileInterests, scorePaper, type CompiledInterest } from '../scoring/keyword-scorer';
import { addInterest, interestsItem, readInterests, removeInterest } from '../storage/interests';
import { setMatchBadge } from './badge';
import { loadTabResults, saveTabResults } from './tab-results';

export interface BackgroundDeps {
  db: Promise<IDBPDatabase<PaperlightDB>>;
  now?: () => number;
}

/** The background's message handlers. Interests are compiled once per change, not per message. */
export function createHandlers({ db, now = Date.now }: BackgroundDeps): Handlers {
  let compiled: Promise<CompiledInterest[]> | null = null;
  const compiledInterests = () => (compiled ??= readInterests().then(compileInterests));
  interestsItem.watch(() => {
    compiled = null;
  });

  return {
    async reportEntries({ url, adapterId, entries }, sender) {
      const interests = await compiledInterests();
      const results = entries.map((paper) => scorePaper(paper, interests));
      const tabId = sender.tab?.id;
      if (tabId !== undefined && tabId >= 0) {
        await saveTabResults(tabId, { url, adapterId, entries, results, updatedAt: now() });
        await setMatchBadge(tabId, results.filter((r) => r.score > 0).length);
      }
      // Seen history is a convenience: a failing database must not cost the user their highlights.
      try {
        await recordSeen(await db, entries, now());
      } catch (error) {
        console.warn('Paperlight: could not record seen papers', error);
      }
      return { results };
    },
    getTabResults: ({ tabId }) => loadTabResults(tabId),
    listInterests: () => readInterests(),
    async addInterest(input) {
      const next = await addInterest(input);
      compiled = null;
      return next;
    },
    async removeInterest({ id }) {
      const next = await removeInterest(id);
      compiled = null;
      return next;
    },
  };
}
