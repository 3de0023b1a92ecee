import { i18n } from '#i18n';
import type { HighlightStyle, Settings, Theme } from '../lib/schema/settings';
import { adapters } from '../lib/sites/index';
import { useSettings } from './settings-context';

const STYLES: [HighlightStyle, string][] = [
  ['tint', i18n.t('settings.styleTint')],
  ['bar', i18n.t('settings.styleBar')],
  ['outline', i18n.t('settings.styleOutline')],
];
const THEMES: [Theme, string][] = [
  ['system', i18n.t('settings.themeSystem')],
  ['light', i18n.t('settings.themeLight')],
  ['dark', i18n.t('settings.themeDark')],
];

/** The host names each adapter reads ("arxiv.org"), from its match patterns. */
function supportedHosts(): { name: string; hosts: string[] }[] {
  return adapters.map((a) => ({
    name: a.name,
    hosts: [...new Set(a.matches.map((m) => /^\w+:\/\/([^/]+)/.exec(m)?.[1] ?? '').filter(Boolean))],
  }));
}

function Toggle({
  field,
  label,
}: {
  field: 'paused' | 'rankerEnabled' | 'keyboardShortcuts' | 'highlightTerms';
  label: string;
}) {
  const { settings, update } = useSettings();
  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={settings?.[field] ?? false}
        disabled={!settings}
        onChange={(e) => void update({ [field]: e.target.checked } as Partial<Settings>)}
      />
      {label}
    </label>
  );
}

/** A radio group: one of `options`, `[value, label]` each (with a sample of the highlight style if asked). */
function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  sample = false,
  onChange,
}: {
  legend: string;
  name: string;
  options: [T, string][];
  value: T | undefined;
  sample?: boolean;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option} className="toggle">
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            disabled={value === undefined}
            onChange={() => onChange(option)}
          />
          {sample && <span className={`style-sample style-${option}`} aria-hidden="true" />}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** Settings: pause, the ranker, shortcuts, term marks, highlight style, theme, and each site on or off. */
export function SettingsView({ host }: { host: string | null; onError: (e: unknown) => void }) {
  const { settings, update, setSiteEnabled } = useSettings();
  const sites = supportedHosts();
  const listed = new Set(sites.flatMap((s) => s.hosts));
  return (
    <div className="settings">
      <fieldset>
        <legend>{i18n.t('settings.general')}</legend>
        <Toggle field="paused" label={i18n.t('settings.paused')} />
        <Toggle field="rankerEnabled" label={i18n.t('settings.ranker')} />
        <Toggle field="keyboardShortcuts" label={i18n.t('settings.shortcuts')} />
        <Toggle field="highlightTerms" label={i18n.t('settings.highlightTerms')} />
      </fieldset>
      <Choice
        legend={i18n.t('settings.highlightStyle')}
        name="highlight-style"
        options={STYLES}
        value={settings?.highlightStyle}
        sample
        onChange={(highlightStyle) => void update({ highlightStyle })}
      />
      <Choice
        legend={i18n.t('settings.theme')}
        name="theme"
        options={THEMES}
        value={settings?.theme}
        onChange={(theme) => void update({ theme })}
      />
      <fieldset>
        <legend>{i18n.t('settings.sites')}</legend>
        <p className="muted">{i18n.t('settings.sitesHint')}</p>
        {[...(host && !listed.has(host) ? [{ name: host, hosts: [host] }] : []), ...sites].flatMap((site) =>
          site.hosts.map((h) => (
            <label key={h} className="toggle">
              <input
                type="checkbox"
                checked={settings ? !settings.disabledSites.includes(h) : true}
                disabled={!settings}
                onChange={(e) => void setSiteEnabled(h, e.target.checked)}
              />
              {i18n.t('settings.siteOn', [h])}
              {h === host ? ' ●' : ''}
            </label>
          )),
        )}
      </fieldset>
    </div>
  );
}
