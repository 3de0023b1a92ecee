import { useEffect, useState } from 'react';
import { sendMessage } from '../lib/messaging/client';
import type { Settings } from '../lib/schema/settings';

/** Pause everywhere, Paperlight on or off for the current tab's site, and the on-page options. */
export function SiteSwitches({ host, onError }: { host: string | null; onError: (message: string) => void }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const fail = (e: unknown) => onError(e instanceof Error ? e.message : String(e));

  useEffect(() => {
    sendMessage('getSettings', {}).then(setSettings, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  return (
    <div className="switches">
      <label className="toggle">
        <input
          type="checkbox"
          checked={settings?.paused ?? false}
          disabled={!settings}
          onChange={(e) => sendMessage('updateSettings', { paused: e.target.checked }).then(setSettings, fail)}
        />
        Pause Paperlight on every site
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={settings?.keyboardShortcuts ?? true}
          disabled={!settings}
          onChange={(e) =>
            sendMessage('updateSettings', { keyboardShortcuts: e.target.checked }).then(setSettings, fail)
          }
        />
        Keyboard shortcuts on listings (j, k, s, v, ?)
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={settings?.highlightTerms ?? true}
          disabled={!settings}
          onChange={(e) => sendMessage('updateSettings', { highlightTerms: e.target.checked }).then(setSettings, fail)}
        />
        Mark matched words in titles and abstracts (the site’s scripts can read which words)
      </label>
      {host && (
        <label className="toggle">
          <input
            type="checkbox"
            checked={settings ? !settings.disabledSites.includes(host) : true}
            disabled={!settings}
            onChange={(e) => sendMessage('setSiteEnabled', { host, enabled: e.target.checked }).then(setSettings, fail)}
          />
          On for {host}
        </label>
      )}
    </div>
  );
}
