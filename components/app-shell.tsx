import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { resolveTargetTab } from '../lib/popup/target-tab';
import { InterestsView } from './interests/interests-view';
import { SettingsProvider, useSettings } from './settings-context';
import { SettingsView } from './settings-view';
import { ShortlistView } from './shortlist/shortlist-view';
import { ThisPageView, type TargetTab } from './this-page';
import { errorText, hostOf } from '../lib/util/ui';

const VIEWS = ['this-page', 'shortlist', 'interests', 'settings'] as const;
type View = (typeof VIEWS)[number];
const LABELS: Record<View, string> = {
  'this-page': i18n.t('app.tabThisPage'),
  shortlist: i18n.t('app.tabShortlist'),
  interests: i18n.t('app.tabInterests'),
  settings: i18n.t('app.tabSettings'),
};

function viewFromHash(fallback: View): View {
  const hash = location.hash.slice(1);
  return (VIEWS as readonly string[]).includes(hash) ? (hash as View) : fallback;
}

/**
 * The popup and the full view (`wide`): the same four views behind tabs. The popup opens on This page; the full
 * view on the shortlist, which is easier to manage at full width. `#shortlist` etc. open a view directly.
 */
export function AppShell({ wide = false }: { wide?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const onError = useCallback((e: unknown) => setError(errorText(e)), []);
  return (
    <SettingsProvider onError={onError}>
      <Shell wide={wide} error={error} onError={onError} onDismiss={() => setError(null)} />
    </SettingsProvider>
  );
}

function Shell({
  wide,
  error,
  onError,
  onDismiss,
}: {
  wide: boolean;
  error: string | null;
  onError: (e: unknown) => void;
  onDismiss: () => void;
}) {
  const [view, setView] = useState<View>(() => viewFromHash(wide ? 'shortlist' : 'this-page'));
  const [target, setTarget] = useState<TargetTab | 'loading'>('loading');
  const tabs = useRef(new Map<View, HTMLButtonElement>());
  const { settings } = useSettings();

  useEffect(() => {
    resolveTargetTab().then(setTarget, (e: unknown) => {
      setTarget(null);
      onError(e);
    });
  }, [onError]);

  // The theme follows the system unless the user picked one (settings → theme).
  useEffect(() => {
    const theme = settings?.theme ?? 'system';
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [settings?.theme]);

  const choose = (next: View, focus = false) => {
    setView(next);
    history.replaceState(null, '', `#${next}`);
    if (focus) tabs.current.get(next)?.focus();
  };
  // Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, automatic activation).
  const onKeyDown = (event: KeyboardEvent) => {
    const at = VIEWS.indexOf(view);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % VIEWS.length
        : event.key === 'ArrowLeft'
          ? (at + VIEWS.length - 1) % VIEWS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? VIEWS.length - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    choose(VIEWS[to]!, true);
  };

  const tabId = target === 'loading' || target === null ? null : target.id;
  return (
    <main className={wide ? 'app wide' : 'app'}>
      <header className="app-header">
        <h1>{i18n.t('app.title')}</h1>
        {!wide && (
          <button
            type="button"
            className="link"
            title={i18n.t('app.openFullViewHint')}
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            {i18n.t('app.openFullView')}
          </button>
        )}
      </header>
      {error && (
        <p role="alert" className="error">
          {error}{' '}
          <button type="button" className="link" onClick={onDismiss}>
            {i18n.t('app.dismissError')}
          </button>
        </p>
      )}
      <div role="tablist" aria-label={i18n.t('app.tabsLabel')} className="tabs" onKeyDown={onKeyDown}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            id={`tab-${v}`}
            aria-selected={view === v}
            aria-controls={`panel-${v}`}
            tabIndex={view === v ? 0 : -1}
            ref={(el) => {
              if (el) tabs.current.set(v, el);
            }}
            onClick={() => choose(v)}
          >
            {LABELS[v]}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} className="panel">
        {view === 'this-page' &&
          (target === 'loading' ? (
            <p className="muted">{i18n.t('app.loading')}</p>
          ) : (
            <ThisPageView target={target} onError={onError} />
          ))}
        {view === 'shortlist' && <ShortlistView wide={wide} onError={onError} />}
        {view === 'interests' && <InterestsView tabId={tabId} onError={onError} />}
        {view === 'settings' && (
          <SettingsView host={target !== 'loading' && target?.url ? hostOf(target.url) : null} onError={onError} />
        )}
      </section>
    </main>
  );
}
