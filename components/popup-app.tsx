import { useEffect, useState } from 'react';
import { AppFrame } from './app-frame';
import { browser } from 'wxt/browser';
import { sendMessage } from '../lib/messaging/client';
import type { TabResults } from '../lib/messaging/protocol';
import { resolveTargetTab } from '../lib/popup/target-tab';
import { findAdapter } from '../lib/sites/find-adapter';
import { adapters } from '../lib/sites/index';
import { InterestManager } from './interest-manager';
import { MatchList } from './match-list';
import { RankerToggle } from './ranker-toggle';
import { ShortlistList } from './shortlist-list';
import { ExportControls } from './shortlist-transfer';
import { SiteSwitches } from './site-switches';

type TabState =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'unsupported'; url?: string }
  | { kind: 'not-seen' }
  | { kind: 'results'; results: TabResults; tabId: number };

/** The popup: this tab's matches, then the interest manager. */
export function PopupApp() {
  const [tab, setTab] = useState<TabState>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const [host, setHost] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const target = await resolveTargetTab();
      if (!target) return setTab({ kind: 'no-tab' });
      if (target.url && findAdapter(target.url)) setHost(new URL(target.url).hostname);
      const results = await sendMessage('getTabResults', { tabId: target.id });
      if (results) setTab({ kind: 'results', results, tabId: target.id });
      else if (target.url && findAdapter(target.url)) setTab({ kind: 'not-seen' });
      else setTab({ kind: 'unsupported', url: target.url });
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <AppFrame error={error}>
      <section aria-labelledby="this-page">
        <h2 id="this-page">This page</h2>
        {tab.kind === 'loading' && <p className="muted">Loading…</p>}
        {tab.kind === 'no-tab' && <p className="muted">No page is open.</p>}
        {tab.kind === 'unsupported' && (
          <p className="muted">
            Paperlight works on {adapters.map((a) => a.name).join(', ')}. Open one of those pages to see its matches.
          </p>
        )}
        {tab.kind === 'not-seen' && (
          <p className="muted">Paperlight has not read this page yet. Reload it to see its matches.</p>
        )}
        {tab.kind === 'results' && <MatchList results={tab.results} tabId={tab.tabId} />}
      </section>
      <SiteSwitches host={host} onError={setError} />
      <ShortlistList onError={setError} />
      <ExportControls />
      <p>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Open the full view (shortlist, import, settings)
        </button>
      </p>
      <InterestManager onError={setError} />
      <RankerToggle onError={setError} />
    </AppFrame>
  );
}
