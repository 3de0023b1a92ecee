import { useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { sendMessage } from '../lib/messaging/client';
import { FocusPushSchema, type ResponseOf } from '../lib/messaging/protocol';
import type { PaperEntry } from '../lib/schema/paper';
import type { ScoredPaper } from '../lib/schema/score';
import { findAdapter } from '../lib/sites/find-adapter';
import { adapters } from '../lib/sites/index';
import { useSettings } from './settings-context';
import { TagChip } from './tag-chip';
import { hostOf } from '../lib/util/ui';

/** The tab the popup speaks about; null when there is none. */
export type TargetTab = { id: number; url?: string } | null;
type TabResults = NonNullable<ResponseOf<'getTabResults'>>;

const FIELD: Record<string, string> = {
  title: i18n.t('page.field.title'),
  abstract: i18n.t('page.field.abstract'),
  authors: i18n.t('page.field.authors'),
  categories: i18n.t('page.field.categories'),
  venue: i18n.t('page.field.venue'),
};

/** Asks the page to scroll to a paper and flash it (the content script handles it as it does j/k). */
function showOnPage(tabId: number, id: string): void {
  const push = FocusPushSchema.parse({ paperlight: 1, type: 'focus', data: { id } });
  // A page that went away has nothing to show; the popup stays as it is.
  void browser.tabs.sendMessage(tabId, push).catch(() => undefined);
}

/** "“agent” in the title; “RL” in the abstract": why a paper matched, in words. */
function whyText(result: ScoredPaper): string {
  const parts = result.reasons.map((r) => i18n.t('thisPage.reason', [r.term, FIELD[r.field] ?? r.field]));
  if (result.ranker) parts.push(i18n.t('thisPage.similar', [result.ranker.words.slice(0, 4).join(', ')]));
  return [...new Set(parts)].join('; ');
}

/** This tab's papers, matches first by score, with tags, score, why, ☆ and "Show" on the page; a filter box. */
export function ThisPageView({ target, onError }: { target: TargetTab; onError: (e: unknown) => void }) {
  const [results, setResults] = useState<TabResults | null | 'loading'>('loading');
  const { settings } = useSettings();

  useEffect(() => {
    if (!target) return;
    sendMessage('getTabResults', { tabId: target.id }).then(setResults, (e: unknown) => {
      setResults(null);
      onError(e);
    });
  }, [target, onError]);

  if (!target) return <p className="muted">{i18n.t('thisPage.noTab')}</p>;
  if (results === 'loading') return <p className="muted">{i18n.t('app.loading')}</p>;
  const supported = !!target.url && !!findAdapter(target.url);
  const host = hostOf(target.url);
  const notice =
    settings?.paused && supported ? (
      <p className="warning" role="status">
        {i18n.t('thisPage.paused')}
      </p>
    ) : settings && host && supported && settings.disabledSites.includes(host) ? (
      <p className="warning" role="status">
        {i18n.t('thisPage.siteOff', [host])}
      </p>
    ) : null;
  if (!results) {
    return (
      <>
        {notice}
        <p className="muted">
          {supported
            ? i18n.t('thisPage.notSeen')
            : i18n.t('thisPage.unsupported', [adapters.map((a) => a.name).join(', ')])}
        </p>
      </>
    );
  }
  return (
    <>
      {notice}
      <PaperList results={results} tabId={target.id} onError={onError} />
    </>
  );
}

function PaperList({ results, tabId, onError }: { results: TabResults; tabId: number; onError: (e: unknown) => void }) {
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [saved, setSaved] = useState(() => new Set(results.saved));

  const entries = useMemo(() => new Map(results.entries.map((e) => [e.id, e])), [results]);
  // Matches first by score; the site's order within equal scores (and among the rest).
  const ordered = useMemo(() => {
    const order = new Map(results.entries.map((e, i) => [e.id, i]));
    return [...results.results].sort(
      (a, b) => Number(b.score > 0) - Number(a.score > 0) || b.score - a.score || order.get(a.id)! - order.get(b.id)!,
    );
  }, [results]);
  const matches = ordered.filter((r) => r.score > 0).length;
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = ordered.filter((r, i) => {
    if (i >= matches && !showAll && words.length === 0) return false;
    if (words.length === 0) return true;
    const e = entries.get(r.id);
    const text = [e?.title, ...(e?.authors ?? []), ...r.tags.map((t) => t.name)].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });

  const toggleSaved = (paper: PaperEntry, result: ScoredPaper) => {
    const next = !saved.has(paper.id);
    sendMessage('setShortlisted', {
      paper,
      saved: next,
      interestTags: result.tags.map((t) => t.name),
      score: result.score,
    }).then(() => {
      const copy = new Set(saved);
      if (next) copy.add(paper.id);
      else copy.delete(paper.id);
      setSaved(copy);
    }, onError);
  };

  return (
    <>
      <p className="summary" data-testid="match-summary">
        {i18n.t('thisPage.summary', [String(matches), String(results.entries.length)])}
      </p>
      {results.warning && (
        <p className="warning" role="status">
          {results.warning === 'no-entries' ? i18n.t('thisPage.noEntries') : i18n.t('thisPage.tooFew')}
        </p>
      )}
      {results.entries.length > 0 && (
        <input
          type="search"
          className="filter"
          aria-label={i18n.t('thisPage.filterLabel')}
          placeholder={i18n.t('thisPage.filterPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      {shown.length === 0 && words.length > 0 && <p className="muted">{i18n.t('thisPage.noneShown')}</p>}
      <ol className="matches" aria-label={i18n.t('thisPage.listLabel')}>
        {shown.map((r) => {
          const paper = entries.get(r.id);
          if (!paper) return null;
          const isSaved = saved.has(r.id);
          const why = whyText(r);
          return (
            <li key={r.id} data-paper-id={r.id} className={r.score > 0 ? 'match' : 'other'}>
              <div className="row">
                <button
                  type="button"
                  className="star"
                  aria-pressed={isSaved}
                  aria-label={i18n.t(isSaved ? 'thisPage.unsave' : 'thisPage.save', [paper.title])}
                  onClick={() => toggleSaved(paper, r)}
                >
                  {isSaved ? '★' : '☆'}
                </button>
                {/* The title shows the paper on the page (scrolls to it and flashes it); "Open" opens its page. */}
                <button
                  type="button"
                  className="title"
                  aria-label={i18n.t('thisPage.showLabel', [paper.title])}
                  onClick={() => showOnPage(tabId, r.id)}
                >
                  {paper.title}
                </button>
              </div>
              <div className="meta">
                {r.score > 0 && (
                  <span className="score" aria-label={i18n.t('thisPage.scoreLabel', [String(r.score)])}>
                    {r.score}
                  </span>
                )}
                {r.tags.map((t) => (
                  <TagChip key={t.interestId} name={t.name} color={t.color} />
                ))}
                <a
                  className="open"
                  href={paper.url}
                  target="_blank"
                  rel="noreferrer"
                  aria-label={i18n.t('thisPage.openLabel', [paper.title])}
                >
                  {i18n.t('thisPage.open')}
                </a>
              </div>
              {why && <p className="why">{i18n.t('thisPage.why', [why])}</p>}
            </li>
          );
        })}
      </ol>
      {!showAll && words.length === 0 && matches < ordered.length && (
        <button type="button" className="link" onClick={() => setShowAll(true)}>
          {i18n.t('thisPage.showAll')} ({ordered.length - matches})
        </button>
      )}
    </>
  );
}
