import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { sendMessage } from '../lib/messaging/client';
import type { Settings } from '../lib/schema/settings';

interface SettingsState {
  /** null until the background answers. */
  settings: Settings | null;
  /** Sends a change; the background answers every setting, which becomes the new state. */
  update(patch: Partial<Settings>): Promise<void>;
  /** Turns Paperlight on or off for one site. */
  setSiteEnabled(host: string, enabled: boolean): Promise<void>;
}

const SettingsContext = createContext<SettingsState | null>(null);

/** Loads the settings once for every view (the theme, the settings view, "paused" on This page). */
export function SettingsProvider({ onError, children }: { onError: (e: unknown) => void; children: ReactNode }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    sendMessage('getSettings', {}).then(setSettings, onError);
  }, [onError]);
  // Controls show a change at once; the background's answer (every setting) then replaces the guess, and a
  // refusal puts the stored settings back.
  const settle = useCallback(
    (sent: Promise<Settings>) =>
      sent.then(setSettings, (e: unknown) => {
        onError(e);
        return sendMessage('getSettings', {}).then(setSettings, onError);
      }),
    [onError],
  );
  const update = useCallback(
    (patch: Partial<Settings>) => {
      setSettings((s) => (s ? { ...s, ...patch } : s));
      return settle(sendMessage('updateSettings', patch));
    },
    [settle],
  );
  const setSiteEnabled = useCallback(
    (host: string, enabled: boolean) => {
      setSettings((s) =>
        s
          ? {
              ...s,
              disabledSites: enabled
                ? s.disabledSites.filter((h) => h !== host)
                : [...s.disabledSites.filter((h) => h !== host), host],
            }
          : s,
      );
      return settle(sendMessage('setSiteEnabled', { host, enabled }));
    },
    [settle],
  );
  return <SettingsContext value={{ settings, update, setSiteEnabled }}>{children}</SettingsContext>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings outside SettingsProvider');
  return state;
}
