import { useState } from 'react';
import { browser } from 'wxt/browser';
import { FocusPushSchema, type TabResults } from '../lib/messaging/protocol';
import { TagChip } from './tag-chip';

/** Asks the page to scroll to a paper and flash it. */
function showOnPage(tabId: number, id: string): void {
  const push = FocusPushSchema.parse({ paperlight: 1, type: 'focus', data: { id } });
  // A page that went away has nothing to show; the popup stays as it is.
  void browser.tabs.sendMessage(tabId, push).catch(() => undefined);
}

/** The matched papers of a tab, best first, with a filter; a click on one shows it on the page. */
export function MatchList({ results, tabId }: { results: TabResults; tabId?: number }) {
  const [filter, setFilter] = useState('');
  const entries = new Map(results.entries.map((e) => [e.id, e]));
  const matches = results.results.filter((r) => r.score > 0).sort((a, b) => b.score - a.score);
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = matches.filter((m) => {
    const e = entries.get(m.id);
    const text = [e?.title, ...(e?.authors ?? []), ...m.tags.map((t) => t.name)].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return (
    <>
      <p className="summary" data-testid="match-summary">
        {matches.length} of {results.entries.length} papers match
      </p>
      {results.warning && (
        <p className="warning" role="status">
          {results.warning === 'no-entries'
            ? 'Paperlight found no papers on this page; the site’s layout may have changed.'
            : `Paperlight found fewer papers than this page seems to hold; the site’s layout may have changed.`}
        </p>
      )}
      {matches.length > 3 && (
        <input
          type="search"
          className="filter"
          aria-label="Filter the matches"
          placeholder="Filter by title, author or tag"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <ol className="matches" aria-label="Matching papers">
        {shown.map((m) => {
          const entry = entries.get(m.id);
          const title = entry?.title ?? m.id;
          return (
            <li key={m.id} data-paper-id={m.id}>
              <a className="title" href={entry?.url} target="_blank" rel="noreferrer">
                {title}
              </a>
              <div className="meta">
                <span className="score" aria-label={`score ${m.score}`}>
                  {m.score}
                </span>
                {m.tags.map((t) => (
                  <TagChip key={t.interestId} name={t.name} color={t.color} />
                ))}
                {tabId !== undefined && (
                  <button
                    type="button"
                    className="link"
                    aria-label={`Show “${title}” on the page`}
                    onClick={() => showOnPage(tabId, m.id)}
                  >
                    Show
                  </button>
                )}
              </div>
              {m.ranker && <p className="why">Similar to your shortlist: {m.ranker.words.slice(0, 4).join(', ')}</p>}
            </li>
          );
        })}
      </ol>
    </>
  );
}
