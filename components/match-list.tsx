import type { TabResults } from '../lib/messaging/protocol';
import { TagChip } from './tag-chip';

/** The matched papers of a tab, best first. */
export function MatchList({ results }: { results: TabResults }) {
  const titles = new Map(results.entries.map((e) => [e.id, e]));
  const matches = results.results.filter((r) => r.score > 0).sort((a, b) => b.score - a.score);
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
      <ol className="matches" aria-label="Matching papers">
        {matches.map((m) => {
          const entry = titles.get(m.id);
          return (
            <li key={m.id} data-paper-id={m.id}>
              <a className="title" href={entry?.url} target="_blank" rel="noreferrer">
                {entry?.title ?? m.id}
              </a>
              <div className="meta">
                <span className="score" aria-label={`score ${m.score}`}>
                  {m.score}
                </span>
                {m.tags.map((t) => (
                  <TagChip key={t.interestId} name={t.name} color={t.color} />
                ))}
              </div>
              {m.ranker && <p className="why">Similar to your shortlist: {m.ranker.words.slice(0, 4).join(', ')}</p>}
            </li>
          );
        })}
      </ol>
    </>
  );
}
