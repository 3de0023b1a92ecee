import type { Settings, SiteView } from './settings';

// Kept apart from settings.ts so that the content script can use these without bundling zod.

export const DEFAULT_SITE_VIEW: SiteView = { collapsed: false, view: 'original', dim: false };

/** Whether Paperlight annotates pages of this host (not paused, not turned off there). */
export function siteEnabled(settings: Pick<Settings, 'paused' | 'disabledSites'>, host: string): boolean {
  return !settings.paused && !settings.disabledSites.includes(host);
}
