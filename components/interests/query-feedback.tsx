import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { queryExcerpt } from '../../lib/interests/list';
import { sendMessage } from '../../lib/messaging/client';
import type { ResponseOf } from '../../lib/messaging/protocol';

/** How long typing must pause before the query is checked and counted (ms). */
const CHECK_DELAY = 200;

export interface QueryCheck {
  /** The query this answer is about (the field may have changed since). */
  query: string;
  check: ResponseOf<'checkQuery'>;
  /** How many of the tab's papers the query matches; null without a tab, a report or a valid query. */
  count: ResponseOf<'countMatches'>;
}

/**
 * Checks a draft query as the user types (where it does not parse) and counts the current tab's papers it
 * matches. `allowEmpty`: an empty query is an error to show (an interest's query), not just "nothing yet".
 */
export function useQueryCheck(query: string, tabId: number | null, allowEmpty = false): QueryCheck | null {
  const [result, setResult] = useState<QueryCheck | null>(null);
  const wanted = allowEmpty || query.trim() !== '';
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const check = await sendMessage('checkQuery', { query: query.slice(0, 2000) });
          const count =
            check.ok && tabId !== null
              ? await sendMessage('countMatches', { tabId, query: query.slice(0, 2000) })
              : null;
          if (live) setResult({ query, check, count });
        } catch {
          // The background is restarting or the tab closed: the feedback stays as it was; saving still checks.
        }
      })();
    }, CHECK_DELAY);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, tabId, wanted]);
  // Until the new answer comes the last one stays, so the line does not flicker on every key.
  return wanted ? result : null;
}

/** The query with the character at fault marked, a caret under it; hidden from screen readers (the message says where). */
function Excerpt({ query, position }: { query: string; position: number }) {
  const x = queryExcerpt(query, position);
  return (
    <code className="query-excerpt" aria-hidden="true">
      {x.clippedStart && '…'}
      {x.before}
      <mark className="query-at">
        {x.at}
        <span className="query-caret">^</span>
      </mark>
      {x.after}
      {x.clippedEnd && '…'}
    </code>
  );
}

/**
 * What a query editor says under the field, live: the parse error at its position, or how many papers of the
 * current tab the query matches (nothing when there is no tab, or the tab reported no papers).
 */
export function QueryFeedback({ id, result }: { id: string; result: QueryCheck | null }) {
  const check = result?.check;
  return (
    <div id={id} className="query-feedback" aria-live="polite">
      {result && check && !check.ok && (
        <>
          <p className="query-error">
            {i18n.t('interests.queryError', [check.error ?? '', String((check.position ?? 0) + 1)])}
          </p>
          <Excerpt query={result.query} position={check.position ?? 0} />
        </>
      )}
      {result?.count && result.count.total > 0 && check?.ok && (
        <p className="query-count" data-testid="match-count">
          {i18n.t('interests.matchCount', result.count.total, [
            String(result.count.matched),
            String(result.count.total),
          ])}
        </p>
      )}
    </div>
  );
}
