import { useEffect, useState } from 'react';
import { sendMessage } from '../lib/messaging/client';

/** The switch for the learned ranker ("more like my shortlist"). */
export function RankerToggle({ onError }: { onError: (message: string) => void }) {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const fail = (e: unknown) => onError(e instanceof Error ? e.message : String(e));

  useEffect(() => {
    sendMessage('getSettings', {}).then((s) => setEnabled(s.rankerEnabled), fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={enabled ?? false}
        disabled={enabled === null}
        onChange={(e) =>
          sendMessage('updateSettings', { rankerEnabled: e.target.checked }).then(
            (s) => setEnabled(s.rankerEnabled),
            fail,
          )
        }
      />
      Rank by similarity to my shortlist (from 3 saved papers on)
    </label>
  );
}
