import { useEffect, useState } from 'react';
import { sendMessage } from '../lib/messaging/client';
import type { PaperEntry } from '../lib/schema/paper';

/** The shortlist, newest first, with a ★ to remove each paper. */
export function ShortlistList({ onError }: { onError: (message: string) => void }) {
  const [papers, setPapers] = useState<PaperEntry[] | null>(null);
  const fail = (e: unknown) => onError(e instanceof Error ? e.message : String(e));

  useEffect(() => {
    sendMessage('listShortlist', {}).then(setPapers, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  const remove = (paper: PaperEntry) =>
    sendMessage('setShortlisted', { paper, saved: false })
      .then(() => sendMessage('listShortlist', {}))
      .then(setPapers, fail);

  return (
    <section aria-labelledby="shortlist">
      <h2 id="shortlist">Shortlist</h2>
      {papers === null && <p className="muted">Loading…</p>}
      {papers?.length === 0 && <p className="muted">Nothing saved yet: click ☆ next to a paper on a listing.</p>}
      {papers && papers.length > 0 && (
        <ol className="matches" aria-label="Your shortlist">
          {papers.map((p) => (
            <li key={p.id} data-paper-id={p.id}>
              <a href={p.url} target="_blank" rel="noreferrer">
                {p.title}
              </a>
              {p.authors.length > 0 && <p className="muted">{p.authors.slice(0, 4).join(', ')}</p>}
              <button type="button" className="link" onClick={() => void remove(p)} aria-label={`Remove ${p.title}`}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
