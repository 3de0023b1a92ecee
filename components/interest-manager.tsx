import { useEffect, useState, type FormEvent } from 'react';
import { sendMessage } from '../lib/messaging/client';
import type { Interest } from '../lib/schema/interest';
import { TagChip } from './tag-chip';

/** Lists the interests; adds a keyword interest; removes one. Changes show on the page after a reload. */
export function InterestManager({ onError }: { onError: (message: string) => void }) {
  const [interests, setInterests] = useState<Interest[] | null>(null);
  const [draft, setDraft] = useState('');
  const fail = (e: unknown) => onError(e instanceof Error ? e.message : String(e));

  useEffect(() => {
    sendMessage('listInterests', {}).then(setInterests, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim();
    if (!name) return;
    sendMessage('addInterest', { name }).then((next) => {
      setInterests(next);
      setDraft('');
    }, fail);
  };

  return (
    <section aria-labelledby="interests">
      <h2 id="interests">Interests</h2>
      <ul className="interests" aria-label="Your interests">
        {interests?.map((i) => (
          <li key={i.id}>
            <TagChip name={i.name} color={i.color} />
            <span className="query">{i.query}</span>
            <button
              type="button"
              aria-label={`Remove ${i.name}`}
              onClick={() => sendMessage('removeInterest', { id: i.id }).then(setInterests, fail)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="add-interest">
        <label htmlFor="new-interest">Keyword or phrase</label>
        <input
          id="new-interest"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="e.g. retrieval augmented"
          maxLength={80}
        />
        <button type="submit">Add</button>
      </form>
    </section>
  );
}
