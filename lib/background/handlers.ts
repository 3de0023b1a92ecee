import type { IDBPDatabase } from 'idb';
import type { PaperlightDB } from '../db/schema';
import { recordSeen } from '../db/database';
import type { Handlers } from '../messaging/router';
import { compileInterests, scorePaper, type CompiledInterest } from '../scoring/keyword-scorer';
import { addInterest, interestsItem, readInterests, removeInterest } from '../storage/interests';
import { setMatchBadge } from './badge';
import { layoutWarning } from './layout-warning';
import { clearTabResults, loadTabResults, saveTabResults } from './tab-results';

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
    async reportEntries({ url, adapterId, entries, expected, settled }, sender) {
      const tabId = sender.tab?.id;
      const hasTab = tabId !== undefined && tabId >= 0;
      if (adapterId === null) {
        if (hasTab) await Promise.all([clearTabResults(tabId), setMatchBadge(tabId, 0)]);
        return { results: [] };
      }
      const interests = await compiledInterests();
      const results = entries.map((paper) => scorePaper(paper, interests));
      if (hasTab) {
        const warning = layoutWarning(entries.length, expected, settled);
        await saveTabResults(tabId, { url, adapterId, entries, results, warning, updatedAt: now() });
        await setMatchBadge(tabId, results.filter((r) => r.score > 0).length, warning !== undefined);
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
