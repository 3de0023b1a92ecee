import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { i18n } from '#i18n';
import { sendMessage } from '../../lib/messaging/client';
import type { ReadState, ShortlistRecord } from '../../lib/schema/shortlist';
import {
  selectedInOrder,
  setShownSelected,
  shownSelectionState,
  toggleSelected,
  type Selection,
} from '../../lib/shortlist/selection';
import { searchWords } from '../../lib/shortlist/search';
import type { ShortlistSummary } from '../../lib/shortlist/summary';
import {
  applyView,
  facetsOf,
  parseTagFilter,
  tagFilterValue,
  type ShortlistOrder,
  type TagFilter,
} from '../../lib/shortlist/view';
import { adapters } from '../../lib/sites/index';
import { ExportControls, ImportControls } from '../shortlist-transfer';
import { ShortlistRow, type Editing, type RowActions } from './shortlist-row';
import { useSearch, useShortlist } from './use-shortlist';
import './shortlist.css';

const ORDER_LABELS: [ShortlistOrder, string][] = [
  ['newest', i18n.t('shortlist.sortNewest')],
  ['oldest', i18n.t('shortlist.sortOldest')],
  ['score', i18n.t('shortlist.sortScore')],
];
const SITE_NAMES = new Map(adapters.map((a) => [a.id, a.name]));
const siteName = (site: string) => SITE_NAMES.get(site) ?? site;
/** A row's height before it is measured (title, meta line, tags, actions). */
const estimateSize = () => 98;
const count = (n: number) => n.toLocaleString();

/**
 * The interests' colours by name (lower case), for the chips of the interests a paper matched; asked for once
 * `ready` (after the first papers: the first screen's message goes first).
 */
function useInterestColors(ready: boolean): (name: string) => string | undefined {
  const [colors, setColors] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!ready) return;
    sendMessage('listInterests', {}).then(
      (list) => setColors(new Map(list.map((i) => [i.name.toLowerCase(), i.color]))),
      () => undefined, // Chips without a colour are still chips.
    );
  }, [ready]);
  return useCallback((name: string) => colors.get(name.toLowerCase()), [colors]);
}

/** The status line: what was just done, and the records to put back if it was a removal. */
interface Status {
  text: string;
  undo?: ShortlistRecord[];
}

/**
 * Where focus goes when the focused control went away with its row or its editor: the same control of the row
 * (by paper id), else of the row now at that position. Kept for a moment only, so that it never steals focus later.
 */
interface FocusTarget {
  id?: string;
  index: number;
  /** A row's control, or the status line's Undo (after a removal of many). */
  action: 'read' | 'note' | 'tag' | 'remove' | 'undo';
  until: number;
}

/**
 * The shortlist: every saved paper, newest first or by score; search (title, authors, abstract, note) and filters
 * (tag or interest, site, read); per paper a note, tags, read, links and remove with undo; a selection to export
 * or remove. The list is virtualised: with 10,000 papers only the rows in view exist.
 */
export function ShortlistView({ wide, onError }: { wide: boolean; onError: (e: unknown) => void }) {
  const { data, reload, update, remove, restore } = useShortlist(onError);
  const [text, setText] = useState('');
  const [order, setOrder] = useState<ShortlistOrder>('newest');
  const [tag, setTag] = useState<TagFilter | undefined>();
  const [site, setSite] = useState<string | undefined>();
  const [readState, setReadState] = useState<ReadState | undefined>();
  const [selection, setSelection] = useState<Selection>(() => new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [searchVersion, setSearchVersion] = useState(0);
  const { matched, pending } = useSearch(text, searchVersion, onError);
  const interestColor = useInterestColors(data.state !== 'loading');
  const ids = {
    list: useId(),
    tags: useId(),
    search: useId(),
    sort: useId(),
    read: useId(),
    tag: useId(),
    site: useId(),
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const focusTarget = useRef<FocusTarget | null>(null);

  const summaries = useMemo(() => (data.state === 'loading' ? [] : data.summaries), [data]);
  const searching = searchWords(text).length > 0;
  const filtered = useMemo(
    () => applyView(summaries, { order, tag, site, readState, matched: searching ? matched : null }),
    [summaries, order, tag, site, readState, matched, searching],
  );
  const facets = useMemo(() => facetsOf(summaries), [summaries]);
  const unfiltered = !searching && !tag && !site && !readState;
  const total = data.state === 'partial' ? data.total : summaries.length;
  // While the rest loads, the newest-first list stands in its full length (the rows not yet here wait).
  const waiting = data.state === 'partial' && unfiltered && order === 'newest';
  const rowCount = waiting ? total : filtered.length;
  const shownIds = useMemo(() => filtered.map((s) => s.id), [filtered]);
  const selected = useMemo(() => selectedInOrder(selection, shownIds), [selection, shownIds]);
  const selectState = shownSelectionState(selection, shownIds);

  // Stable between renders: the virtualizer recomputes every row's position when the key function changes.
  const getItemKey = useCallback((i: number) => filtered[i]?.id ?? `waiting-${i}`, [filtered]);
  // The virtualizer is read afresh on every render and never memoised (the compiler's concern).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 3,
    getItemKey,
    initialRect: { width: wide ? 900 : 390, height: wide ? 600 : 300 },
  });

  // A new search, filter or order starts at the top.
  const viewKey = `${order}|${tagFilterValue(tag)}|${site ?? ''}|${readState ?? ''}|${searchWords(text).join(' ')}`;
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [viewKey]);

  // Focus lost with a row (removed, or gone from a filtered list) or with an editor comes back to the list.
  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    if (performance.now() > target.until) focusTarget.current = null;
    const active = document.activeElement;
    if (focusTarget.current === null || (active && active !== document.body)) return;
    focusTarget.current = null;
    const list = document.getElementById(ids.list);
    const control = (row: Element | null | undefined) =>
      row?.querySelector<HTMLElement>(`[data-action="${target.action}"]`);
    const found =
      target.action === 'undo'
        ? undefined
        : ((target.id !== undefined
            ? control(list?.querySelector(`li[data-paper-id="${CSS.escape(target.id)}"]`))
            : undefined) ?? control(list?.querySelector(`li[data-index="${Math.min(target.index, rowCount - 1)}"]`)));
    (found ?? undoRef.current ?? searchRef.current)?.focus();
  });
  const focusLater = useCallback((target: Omit<FocusTarget, 'until'>) => {
    focusTarget.current = { ...target, until: performance.now() + 2000 };
  }, []);

  const removeWithUndo = useCallback(
    async (paperIds: readonly string[], label: (removed: ShortlistRecord[]) => string) => {
      const removed = await remove(paperIds);
      if (!removed) return;
      setSelection((sel) => setShownSelected(sel, paperIds, false));
      setStatus({ text: label(removed), undo: removed });
    },
    [remove],
  );

  const actions = useMemo<RowActions>(
    () => ({
      toggleSelected: (id, on) => setSelection((sel) => toggleSelected(sel, id, on)),
      toggleRead: (s, index) => {
        // Under "Unread only" the row goes: focus then moves to the next row's button.
        focusLater({ index, action: 'read' });
        void update(s, { readState: s.readState === 'read' ? 'unread' : 'read' });
      },
      edit: setEditing,
      closeEditor: (e) => {
        focusLater({ id: e.id, index: 0, action: e.kind });
        setEditing(null);
      },
      saveNote: (s, note) => {
        focusLater({ id: s.id, index: 0, action: 'note' });
        setEditing(null);
        void update(s, { note }).then((ok) => ok && setSearchVersion((v) => v + 1));
      },
      addTag: (s, raw) => {
        const name = raw.replace(/\s+/g, ' ').trim();
        focusLater({ id: s.id, index: 0, action: 'tag' });
        setEditing(null);
        if (name) void update(s, { tags: [...s.tags, name] });
      },
      removeTag: (s, name) => {
        focusLater({ id: s.id, index: 0, action: 'tag' });
        void update(s, { tags: s.tags.filter((t) => t !== name) });
      },
      remove: (s, index) => {
        focusLater({ index, action: 'remove' });
        setEditing((e) => (e?.id === s.id ? null : e));
        void removeWithUndo([s.id], () => i18n.t('shortlist.removedOne', [s.title]));
      },
    }),
    [update, removeWithUndo, focusLater],
  );

  const undo = async (records: ShortlistRecord[]) => {
    // The Undo button goes with the status it was in: focus the first paper put back.
    if (records[0]) focusLater({ id: records[0].id, index: 0, action: 'remove' });
    if (await restore(records)) {
      setStatus({ text: i18n.t('shortlist.restored', records.length, [count(records.length)]) });
      if (searching) setSearchVersion((v) => v + 1);
    }
  };

  const clearFilters = () => {
    setText('');
    setTag(undefined);
    setSite(undefined);
    setReadState(undefined);
    searchRef.current?.focus();
  };

  const heading = <h2 className="visually-hidden">{i18n.t('shortlist.heading')}</h2>;
  const transfer = (
    <>
      <ExportControls selectedIds={selected} total={total} />
      {wide && (
        <ImportControls
          onImported={() => {
            setSelection(new Set());
            setStatus(null);
            void reload();
          }}
        />
      )}
    </>
  );

  return (
    <div className={wide ? 'sl-view sl-wide' : 'sl-view'}>
      {heading}
      {data.state === 'loading' && <p className="muted">{i18n.t('shortlist.loading')}</p>}
      {data.state !== 'loading' && total === 0 && (
        <p className="muted" {...{ elementtiming: 'shortlist-empty' }}>
          {i18n.t('shortlist.empty')}
        </p>
      )}
      {total > 0 && (
        <>
          <div className="sl-toolbar">
            <input
              ref={searchRef}
              id={ids.search}
              type="search"
              className="sl-search"
              aria-label={i18n.t('shortlist.searchLabel')}
              aria-controls={ids.list}
              placeholder={i18n.t('shortlist.searchPlaceholder')}
              maxLength={1000}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <div className="sl-filters">
              <div>
                <label htmlFor={ids.sort}>{i18n.t('shortlist.sortLabel')}</label>
                <select id={ids.sort} value={order} onChange={(e) => setOrder(e.target.value as ShortlistOrder)}>
                  {ORDER_LABELS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={ids.read}>{i18n.t('shortlist.readLabel')}</label>
                <select
                  id={ids.read}
                  value={readState ?? ''}
                  onChange={(e) => setReadState((e.target.value || undefined) as ReadState | undefined)}
                >
                  <option value="">{i18n.t('shortlist.readAny')}</option>
                  <option value="unread">{i18n.t('shortlist.readUnread')}</option>
                  <option value="read">{i18n.t('shortlist.readRead')}</option>
                </select>
              </div>
              <div>
                <label htmlFor={ids.tag}>{i18n.t('shortlist.tagLabel')}</label>
                <select
                  id={ids.tag}
                  value={tagFilterValue(tag)}
                  onChange={(e) => setTag(parseTagFilter(e.target.value))}
                >
                  <option value="">{i18n.t('shortlist.tagAny')}</option>
                  {facets.tags.length > 0 && (
                    <optgroup label={i18n.t('shortlist.tagGroupOwn')}>
                      {facets.tags.map((t) => (
                        <option key={t.value} value={tagFilterValue({ kind: 'tag', name: t.value })}>
                          {i18n.t('shortlist.tagOption', [t.value, count(t.count)])}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {facets.interestTags.length > 0 && (
                    <optgroup label={i18n.t('shortlist.tagGroupInterests')}>
                      {facets.interestTags.map((t) => (
                        <option key={t.value} value={tagFilterValue({ kind: 'interest', name: t.value })}>
                          {i18n.t('shortlist.tagOption', [t.value, count(t.count)])}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {/* A chosen tag stays choosable after its last paper lost it. */}
                  {tag && !facets[tag.kind === 'tag' ? 'tags' : 'interestTags'].some((t) => t.value === tag.name) && (
                    <option value={tagFilterValue(tag)}>{tag.name}</option>
                  )}
                </select>
              </div>
              <div>
                <label htmlFor={ids.site}>{i18n.t('shortlist.siteLabel')}</label>
                <select id={ids.site} value={site ?? ''} onChange={(e) => setSite(e.target.value || undefined)}>
                  <option value="">{i18n.t('shortlist.siteAny')}</option>
                  {facets.sites.map((f) => (
                    <option key={f.value} value={f.value}>
                      {i18n.t('shortlist.tagOption', [siteName(f.value), count(f.count)])}
                    </option>
                  ))}
                  {site && !facets.sites.some((f) => f.value === site) && (
                    <option value={site}>{siteName(site)}</option>
                  )}
                </select>
              </div>
            </div>
          </div>

          <div className="sl-bar">
            <label className="sl-select-all">
              <input
                type="checkbox"
                checked={selectState === 'all'}
                ref={(el) => {
                  if (el) el.indeterminate = selectState === 'some';
                }}
                disabled={filtered.length === 0}
                onChange={(e) => setSelection((sel) => setShownSelected(sel, shownIds, e.target.checked))}
              />
              {i18n.t('shortlist.selectAll')}
            </label>
            {selected.length > 0 ? (
              <span className="sl-selected">
                <span>{i18n.t('shortlist.selected', [count(selected.length)])}</span>
                <button
                  type="button"
                  onClick={() => {
                    // This button goes with the selection: focus then moves to the status line's Undo.
                    focusLater({ index: 0, action: 'undo' });
                    void removeWithUndo(selected, (removed) =>
                      i18n.t('shortlist.removedMany', removed.length, [count(removed.length)]),
                    );
                  }}
                >
                  {i18n.t('shortlist.removeSelected')}
                </button>
                <button type="button" className="link" onClick={() => setSelection(new Set())}>
                  {i18n.t('shortlist.clearSelection')}
                </button>
              </span>
            ) : (
              <span className="sl-count muted" aria-live="polite">
                {data.state === 'partial'
                  ? i18n.t('shortlist.loadingMore', [count(total)])
                  : i18n.t('shortlist.shown', [count(filtered.length), count(total)])}
              </span>
            )}
          </div>
        </>
      )}
      <div role="status" className="sl-status">
        {status?.text}
        {status?.undo && (
          <>
            {' '}
            <button type="button" className="link" ref={undoRef} onClick={() => void undo(status.undo!)}>
              {i18n.t('shortlist.undo')}
            </button>
          </>
        )}
      </div>
      {total > 0 && (
        <>
          {rowCount === 0 && (
            <p className="sl-none muted">
              {i18n.t('shortlist.noneShown')}{' '}
              <button type="button" className="link" onClick={clearFilters}>
                {i18n.t('shortlist.clearFilters')}
              </button>
            </p>
          )}
          <div ref={scrollRef} className="sl-scroll" hidden={rowCount === 0}>
            <ol
              id={ids.list}
              className="sl-list"
              aria-label={i18n.t('shortlist.listLabel')}
              aria-busy={pending}
              style={{ height: virtualizer.getTotalSize() }}
            >
              {virtualizer.getVirtualItems().map((item) => {
                const s: ShortlistSummary | undefined = filtered[item.index];
                if (!s) {
                  return (
                    <li
                      key={item.key}
                      ref={virtualizer.measureElement}
                      data-index={item.index}
                      aria-setsize={rowCount}
                      aria-posinset={item.index + 1}
                      className="sl-row sl-waiting"
                      style={{ transform: `translateY(${item.start}px)` }}
                    >
                      {i18n.t('app.loading')}
                    </li>
                  );
                }
                return (
                  <ShortlistRow
                    key={item.key}
                    summary={s}
                    index={item.index}
                    setSize={rowCount}
                    start={item.start}
                    selected={selection.has(s.id)}
                    editing={editing?.id === s.id ? editing : null}
                    siteName={siteName}
                    interestColor={interestColor}
                    tagListId={ids.tags}
                    actions={actions}
                    measure={virtualizer.measureElement}
                  />
                );
              })}
            </ol>
          </div>
          <datalist id={ids.tags}>
            {facets.tags.map((t) => (
              <option key={t.value} value={t.value} />
            ))}
          </datalist>
        </>
      )}
      {/* In one place whatever the state above, so that an import's status line outlives the list it fills. */}
      {data.state !== 'loading' && transfer}
    </div>
  );
}
