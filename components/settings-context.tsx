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
  const update = useCallback(
    (patch: Partial<Settings>) => sendMessage('updateSettings', patch).then(setSettings, onError),
    [onError],
  );
  const setSiteEnabled = useCallback(
    (host: string, enabled: boolean) => sendMessage('setSiteEnabled', { host, enabled }).then(setSettings, onError),
    [onError],
  );
  return <SettingsContext value={{ settings, update, setSiteEnabled }}>{children}</SettingsContext>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings outside SettingsProvider');
  return state;
}
