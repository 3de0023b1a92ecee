import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import type { PaperlightDB } from '../db/schema';
import { applyImport, previewImportInDb, readStoredData } from '../db/backup';
import { toBackupJson } from '../export/backup';
import { EXPORT_FORMATS, exportShortlist, fileName } from '../export/index';
import { parseImport } from '../import/index';
import {
  listShortlist,
  listShortlistRecords,
  newestShortlisted,
  removeManyShortlisted,
  restoreShortlisted,
  saveToShortlist,
  savedIds,
  setFeedback,
  setShortlisted,
  updateShortlisted,
} from '../db/shortlist';
import { ShortlistChangedPushSchema, type TabResults } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
import { compileQuery, matchPaper, parseQuery } from '../scoring/query/index';
import { ShortlistCache } from '../shortlist/summary-cache';
import { summaryLine, toSummary } from '../shortlist/summary';
import { sortSummaries } from '../shortlist/view';
import {
  addInterest,
  importInterests,
  interestsItem,
  readInterests,
  removeInterest,
  saveInterests,
  updateInterest,
} from '../storage/interests';
import { readSettings, settingsItem, updateSettings } from '../storage/settings';
import { setMatchBadge } from './badge';
import { createBroadcaster, type Broadcaster } from './broadcast';
import { layoutWarning } from './layout-warning';
import { pageState } from './page-state';
import { RankerService } from './ranker-service';
import { createScorer, type Scorer } from './scorer';
import { SeenHistory } from './seen';
import { clearTabResults, loadTabResults, saveTabResults } from './tab-results';

export interface BackgroundDeps {
  db: Promise<IDBPDatabase<PaperlightDB>>;
  now?: () => number;
  ranker?: RankerService;
  scorer?: Scorer;
  broadcaster?: Broadcaster;
}

/** Wires the background's parts: the ranker's new models and interest changes re-score the open tabs. */
export function createBackground(db: Promise<IDBPDatabase<PaperlightDB>>, now: () => number = Date.now): Handlers {
  // The ranker tells the broadcaster about new models, and the broadcaster scores with the ranker's model.
  const onChange = () => broadcaster.schedule();
  const ranker = new RankerService(db, onChange);
  const scorer = createScorer(ranker);
  const broadcaster = createBroadcaster(db, scorer);
  interestsItem.watch(onChange);
  let rankerEnabled: boolean | undefined;
  settingsItem.watch(async () => {
    // Only settings that change scores re-score the tabs; pages follow pause and site switches themselves.
    const next = (await readSettings()).rankerEnabled;
    if (rankerEnabled !== undefined && next !== rankerEnabled) onChange();
    rankerEnabled = next;
  });
  void readSettings().then((s) => (rankerEnabled ??= s.rankerEnabled));
  return createHandlers({ db, now, ranker, scorer, broadcaster });
}

/** Refuses a query that does not parse, saying what is wrong and where. */
function assertQuery(query: string): void {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(`${parsed.error} (at character ${parsed.position + 1})`);
}

/** The background's message handlers. Interests are compiled once per change, not per message. */
export function createHandlers({
  db,
  now = Date.now,
  ranker = new RankerService(db),
  scorer = createScorer(ranker),
  broadcaster,
}: BackgroundDeps): Handlers {
  const changed = () => broadcaster?.schedule();
  // The shortlist view's summaries and search texts, kept between messages (see ShortlistCache).
  const shortlistCache = new ShortlistCache(async () => listShortlistRecords(await db));
  // The ranker learns from the shortlist and feedback; the open pages show ★ and 👍/👎. `kept`: the caller has
  // brought the shortlist cache up to date itself.
  const shortlistChanged = (cache: 'kept' | 'stale' = 'stale') => {
    if (cache === 'stale') shortlistCache.invalidate();
    ranker.schedule();
    changed();
  };
  /** Tells open extension pages that papers were added from elsewhere (none open: nobody to tell). */
  const tellPages = () => {
    const push = ShortlistChangedPushSchema.parse({ paperlight: 1, type: 'shortlistChanged', data: {} });
    void Promise.resolve()
      .then(() => browser.runtime.sendMessage(push))
      .catch(() => undefined);
  };
  const seen = new SeenHistory(db);
  const pendingTabWrites = new Map<number, Promise<unknown>>();

  async function rememberTab(
    tabId: number,
    report: Omit<TabResults, 'warning' | 'updatedAt'> & { expected?: number; settled: boolean },
    at: number,
  ): Promise<void> {
    const { expected, settled, ...rest } = report;
    const warning = layoutWarning(rest.entries.length, expected, settled);
    await saveTabResults(tabId, { ...rest, warning, updatedAt: at });
    await setMatchBadge(tabId, rest.results.filter((r) => r.score > 0).length, warning !== undefined);
  }

  return {
    async reportEntries({ url, adapterId, entries, expected, settled }, sender) {
      const tabId = sender.tab?.id;
      const hasTab = tabId !== undefined && tabId >= 0;
      if (adapterId === null) {
        if (hasTab) {
          await pendingTabWrites.get(tabId)?.catch(() => undefined);
          await Promise.all([clearTabResults(tabId), setMatchBadge(tabId, 0)]);
        }
        return { results: [], saved: [], fresh: [], feedback: {} };
      }
      const [state, fresh] = await Promise.all([
        pageState(db, scorer, entries),
        seen.unseen(entries.map((e) => e.id)).catch(() => new Set<string>()),
      ]);
      const { results } = state;
      // The page is answered first; the tab's record, its badge and the seen history are written after, in a
      // task of their own (storing 2,000 entries copies them, which would hold the answer back ~100 ms).
      const at = now();
      const remembered = hasTab
        ? Promise.all([pendingTabWrites.get(tabId), new Promise((resolve) => setTimeout(resolve, 0))]).then(() =>
            rememberTab(tabId, { url, adapterId, entries, results, expected, settled }, at),
          )
        : null;
      const written = Promise.all([remembered, seen.record(entries, at)]);
      if (hasTab) pendingTabWrites.set(tabId, written);
      void written.catch((e: unknown) => console.warn('Paperlight: could not store the tab results', e));
      return { ...state, fresh: [...fresh] };
    },
    async getTabResults({ tabId }) {
      await pendingTabWrites.get(tabId)?.catch(() => undefined);
      const tab = await loadTabResults(tabId);
      if (!tab) return null;
      const saved = await savedIds(
        await db,
        tab.entries.map((e) => e.id),
      ).catch(() => new Set<string>());
      return { ...tab, saved: [...saved] };
    },
    listInterests: () => readInterests(),
    async addInterest(input) {
      if (input.query !== undefined) assertQuery(input.query);
      else assertQuery(input.name);
      const next = await addInterest(input);
      scorer.invalidate();
      return next;
    },
    async removeInterest({ id }) {
      const next = await removeInterest(id);
      scorer.invalidate();
      return next;
    },
    async updateInterest({ id, patch }) {
      if (patch.query !== undefined) assertQuery(patch.query);
      const next = await updateInterest(id, patch);
      scorer.invalidate();
      return next;
    },
    async saveInterests({ interests }) {
      for (const interest of interests) assertQuery(interest.query);
      const next = await saveInterests(interests);
      scorer.invalidate();
      return next;
    },
    async countMatches({ tabId, query }) {
      await pendingTabWrites.get(tabId)?.catch(() => undefined);
      const tab = await loadTabResults(tabId);
      if (!tab) return null;
      const parsed = parseQuery(query);
      if (!parsed.ok) return { matched: 0, total: tab.entries.length };
      const compiled = compileQuery(parsed.ast);
      let matched = 0;
      for (const entry of tab.entries) if (matchPaper(compiled, entry).matched) matched++;
      return { matched, total: tab.entries.length };
    },
    async checkQuery({ query }) {
      const parsed = parseQuery(query);
      return parsed.ok ? { ok: true } : { ok: false, error: parsed.error, position: parsed.position };
    },
    async setShortlisted({ paper, saved, interestTags, score }) {
      if (saved) await saveToShortlist(await db, paper, { interestTags, score }, now());
      else await setShortlisted(await db, paper, false, now());
      shortlistChanged();
      tellPages();
      return { saved };
    },
    async listShortlistRecords(query) {
      return listShortlistRecords(await db, query);
    },
    async updateShortlisted({ id, patch }) {
      const record = await updateShortlisted(await db, id, patch, now());
      if (record) shortlistCache.put(record);
      return record ?? null;
    },
    async removeShortlisted({ ids }) {
      const removed = await removeManyShortlisted(await db, ids);
      shortlistCache.remove(removed.map((r) => r.id));
      shortlistChanged('kept');
      return removed;
    },
    async restoreShortlisted({ records }) {
      try {
        for (const record of records) shortlistCache.put(await restoreShortlisted(await db, record));
      } finally {
        shortlistChanged('kept');
      }
      return {};
    },
    async listShortlistSummaries({ limit }) {
      if (limit === undefined || shortlistCache.warm) return shortlistCache.summaryLines(limit);
      // A cold first screen: the newest few through the date index, then the whole copy is read for what follows.
      const { total, records } = await newestShortlisted(await db, limit);
      shortlistCache.warmUp();
      return { total, lines: sortSummaries(records.map(toSummary), 'newest').map(summaryLine).join('\n') };
    },
    async searchShortlist({ query }) {
      return { ids: await shortlistCache.search(query) };
    },
    async exportFile({ format, includeSeen, ids }) {
      const [data, interests, settings] = await Promise.all([
        readStoredData(await db, { includeSeen: format === 'backup' && includeSeen }),
        readInterests(),
        readSettings(),
      ]);
      const date = new Date(now());
      // A selection exports only those papers, in the shortlist's order; a backup is always the whole store.
      const wanted = ids && format !== 'backup' ? new Set(ids) : null;
      const chosen = wanted ? data.shortlist.filter((r) => wanted.has(r.id)) : data.shortlist;
      const text =
        format === 'backup'
          ? toBackupJson({ ...data, interests, settings }, date)
          : exportShortlist(format, chosen, date);
      return {
        text,
        fileName: fileName(format, date),
        mimeType: EXPORT_FORMATS[format].mimeType,
        count: format === 'backup' ? data.shortlist.length : chosen.length,
      };
    },
    async importFile({ text, fileName: name, mode, dryRun }) {
      const parsed = parseImport(text, name, now());
      // Only a backup can replace: a BibTeX or RIS file has no feedback, interests or settings to replace with.
      const how = parsed.format === 'backup' ? mode : 'merge';
      if (dryRun) return { format: parsed.format, ...(await previewImportInDb(await db, parsed.shortlist, how)) };
      const backup = parsed.format === 'backup' ? parsed.backup : undefined;
      // The papers first, in one transaction: if that fails nothing else changes either.
      const summary = await applyImport(
        await db,
        { shortlist: parsed.shortlist, feedback: backup?.feedback, seen: backup?.seen },
        how,
      );
      if (backup) {
        await importInterests(backup.interests, how);
        await updateSettings(backup.settings);
      }
      shortlistChanged();
      tellPages();
      return { format: parsed.format, ...summary };
    },
    async listShortlist() {
      return listShortlist(await db);
    },
    async setFeedback({ paper, verdict }) {
      await setFeedback(await db, paper, verdict, now());
      shortlistChanged('kept');
      return {};
    },
    async setSiteView({ host, view }) {
      const { siteViews } = await readSettings();
      return updateSettings({ siteViews: { ...siteViews, [host]: view } });
    },
    async setSiteEnabled({ host, enabled }) {
      const { disabledSites } = await readSettings();
      const others = disabledSites.filter((h) => h !== host);
      return updateSettings({ disabledSites: enabled ? others : [...others, host] });
    },
    getSettings: () => readSettings(),
    updateSettings: (patch) => updateSettings(patch),
  };
}
