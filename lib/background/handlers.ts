import type { IDBPDatabase } from 'idb';
import type { PaperlightDB } from '../db/schema';
import { recordSeen } from '../db/database';
import { listShortlist, setFeedback, setShortlisted } from '../db/shortlist';
import type { Handlers } from '../messaging/router';
import { parseQuery } from '../scoring/query/index';
import { compileInterests, scorePaper, type CompiledInterest } from '../scoring/score';
import { addInterest, interestsItem, readInterests, removeInterest } from '../storage/interests';
import { readSettings, settingsItem, updateSettings } from '../storage/settings';
import { setMatchBadge } from './badge';
import { layoutWarning } from './layout-warning';
import { RankerService } from './ranker-service';
import { clearTabResults, loadTabResults, saveTabResults } from './tab-results';

export interface BackgroundDeps {
  db: Promise<IDBPDatabase<PaperlightDB>>;
  now?: () => number;
  ranker?: RankerService;
}

/** Refuses a query that does not parse, saying what is wrong and where. */
function assertQuery(query: string): void {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(`${parsed.error} (at character ${parsed.position + 1})`);
}

/** The background's message handlers. Interests are compiled once per change, not per message. */
export function createHandlers({ db, now = Date.now, ranker = new RankerService(db) }: BackgroundDeps): Handlers {
  let compiled: Promise<CompiledInterest[]> | null = null;
  const compiledInterests = () => (compiled ??= readInterests().then(compileInterests));
  interestsItem.watch(() => {
    compiled = null;
  });
  let rankerEnabled = readSettings().then((s) => s.rankerEnabled);
  settingsItem.watch(() => {
    rankerEnabled = readSettings().then((s) => s.rankerEnabled);
  });

  return {
    async reportEntries({ url, adapterId, entries, expected, settled }, sender) {
      const tabId = sender.tab?.id;
      const hasTab = tabId !== undefined && tabId >= 0;
      if (adapterId === null) {
        if (hasTab) await Promise.all([clearTabResults(tabId), setMatchBadge(tabId, 0)]);
        return { results: [] };
      }
      const [interests, model] = await Promise.all([
        compiledInterests(),
        rankerEnabled.then((on) => (on ? ranker.current() : null)),
      ]);
      const results = entries.map((paper) => scorePaper(paper, interests, model));
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
      if (input.query !== undefined) assertQuery(input.query);
      else assertQuery(input.name);
      const next = await addInterest(input);
      compiled = null;
      return next;
    },
    async removeInterest({ id }) {
      const next = await removeInterest(id);
      compiled = null;
      return next;
    },
    async checkQuery({ query }) {
      const parsed = parseQuery(query);
      return parsed.ok ? { ok: true } : { ok: false, error: parsed.error, position: parsed.position };
    },
    async setShortlisted({ paper, saved }) {
      await setShortlisted(await db, paper, saved, now());
      ranker.schedule();
      return { saved };
    },
    async listShortlist() {
      return listShortlist(await db);
    },
    async setFeedback({ paper, verdict }) {
      await setFeedback(await db, paper, verdict, now());
      ranker.schedule();
      return {};
    },
    getSettings: () => readSettings(),
    updateSettings: (patch) => updateSettings(patch),
  };
}
