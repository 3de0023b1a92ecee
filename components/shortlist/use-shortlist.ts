import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging/client';
import { ShortlistChangedPushSchema } from '../../lib/messaging/protocol';
import type { ShortlistPatch, ShortlistRecord } from '../../lib/schema/shortlist';
import { searchWords } from '../../lib/shortlist/search';
import { parseSummaryLines, toSummary, type ShortlistSummary } from '../../lib/shortlist/summary';
import { sortSummaries } from '../../lib/shortlist/view';

/** How many papers the first screen asks for: more than a full-page view shows, few enough to arrive at once. */
export const FIRST_SCREEN = 40;

/** What the view has of the shortlist so far. */
export type ShortlistData =
  | { state: 'loading' }
  /** The first screen: the newest papers and how many there are; the rest is on its way. */
  | { state: 'partial'; total: number; summaries: ShortlistSummary[] }
  | { state: 'complete'; summaries: ShortlistSummary[] };

/** Waits until the browser has painted what is on screen (so the rest loads after the first screen shows). */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Loads the shortlist in two steps (the newest papers at once, then all of them, without abstracts), and changes
 * it through the background, keeping the view's copy in step with what the background answers.
 */
export function useShortlist(onError: (e: unknown) => void) {
  const [data, setData] = useState<ShortlistData>({ state: 'loading' });
  const loads = useRef(0);

  const load = useCallback(async () => {
    const n = ++loads.current;
    try {
      const first = await sendMessage('listShortlistSummaries', { limit: FIRST_SCREEN });
      const summaries = await parseSummaryLines(first.lines);
      if (n !== loads.current) return;
      if (summaries.length >= first.total) {
        setData({ state: 'complete', summaries });
        return;
      }
      setData({ state: 'partial', total: first.total, summaries });
      await afterPaint();
      const all = await parseSummaryLines((await sendMessage('listShortlistSummaries', {})).lines);
      if (n === loads.current) setData({ state: 'complete', summaries: all });
    } catch (e) {
      if (n !== loads.current) return;
      setData((d) => (d.state === 'loading' ? { state: 'complete', summaries: [] } : d));
      onError(e);
    }
  }, [onError]);

  useEffect(() => {
    void load();
    // The full view stays open while the user saves papers on listings in other tabs: the background says so.
    const onPush = (message: unknown) => {
      if (ShortlistChangedPushSchema.safeParse(message).success) void load();
    };
    browser.runtime.onMessage.addListener(onPush);
    return () => browser.runtime.onMessage.removeListener(onPush);
  }, [load]);

  /** Applies a change to the view's copy (whichever step it is at). */
  const change = useCallback((edit: (summaries: ShortlistSummary[]) => ShortlistSummary[]) => {
    setData((d) => (d.state === 'loading' ? d : { ...d, summaries: edit(d.summaries) }));
  }, []);

  /** Changes a paper's note, tags or read state; shows the change at once and undoes it if the background refuses. */
  const update = useCallback(
    async (summary: ShortlistSummary, patch: ShortlistPatch): Promise<boolean> => {
      const optimistic = { ...summary, ...patch } as ShortlistSummary;
      change((list) => list.map((s) => (s.id === summary.id ? optimistic : s)));
      try {
        const record = await sendMessage('updateShortlisted', { id: summary.id, patch });
        const next = record ? toSummary(record) : null;
        change((list) =>
          next ? list.map((s) => (s.id === summary.id ? next : s)) : list.filter((s) => s.id !== summary.id),
        );
        return true;
      } catch (e) {
        change((list) => list.map((s) => (s.id === summary.id ? summary : s)));
        onError(e);
        return false;
      }
    },
    [change, onError],
  );

  /** Removes papers; answers the removed records (for undo), or null when the background refused. */
  const remove = useCallback(
    async (ids: readonly string[]): Promise<ShortlistRecord[] | null> => {
      try {
        const removed = await sendMessage('removeShortlisted', { ids: [...ids] });
        const gone = new Set([...ids, ...removed.map((r) => r.id)]);
        change((list) => list.filter((s) => !gone.has(s.id)));
        setData((d) => (d.state === 'partial' ? { ...d, total: Math.max(0, d.total - removed.length) } : d));
        return removed;
      } catch (e) {
        onError(e);
        return null;
      }
    },
    [change, onError],
  );

  /** Puts removed records back (undo). */
  const restore = useCallback(
    async (records: ShortlistRecord[]): Promise<boolean> => {
      try {
        await sendMessage('restoreShortlisted', { records });
        const back = records.map(toSummary);
        const ids = new Set(back.map((s) => s.id));
        change((list) => sortSummaries([...list.filter((s) => !ids.has(s.id)), ...back], 'newest'));
        setData((d) => (d.state === 'partial' ? { ...d, total: d.total + records.length } : d));
        return true;
      } catch (e) {
        onError(e);
        return false;
      }
    },
    [change, onError],
  );

  return { data, reload: load, update, remove, restore };
}

/**
 * The ids the search text matches (null: no search), asked of the background, which has the abstracts. `pending`
 * is true while an answer for the latest text is awaited; answers to older texts are dropped. `version` repeats
 * the search (after a note changed).
 */
export function useSearch(text: string, version: number, onError: (e: unknown) => void) {
  const [result, setResult] = useState<{ query: string; ids: ReadonlySet<string> } | null>(null);
  const query = searchWords(text).join(' ');
  const asked = useRef(0);

  useEffect(() => {
    const n = ++asked.current;
    if (!query) return;
    sendMessage('searchShortlist', { query }).then(
      ({ ids }) => {
        if (n === asked.current) setResult({ query, ids: new Set(ids) });
      },
      (e: unknown) => {
        if (n === asked.current) onError(e);
      },
    );
  }, [query, version, onError]);

  if (!query) return { matched: null, pending: false };
  // Until the answer for this text comes, the last answer stands (a narrower text only removes papers).
  const pending = result?.query !== query;
  return { matched: result?.ids ?? null, pending };
}
