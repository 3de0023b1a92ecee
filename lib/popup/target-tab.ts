import { browser } from 'wxt/browser';

/**
 * The tab the popup speaks about: `?tab=<id>` when given (the options page and tests open the popup in a
 * tab of its own), else the active tab; when that is one of our own pages, the most recently used other tab.
 */
export async function resolveTargetTab(search = location.search): Promise<{ id: number; url?: string } | null> {
  const explicit = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(explicit) && explicit > 0) {
    const tab = await browser.tabs.get(explicit).catch(() => null);
    return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
  }
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  const isOwn = (url?: string) => !!url && url.startsWith(ownOrigin);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined && !isOwn(active.url)) return { id: active.id, url: active.url };
  const others = (await browser.tabs.query({}))
    .filter((t) => t.id !== undefined && !isOwn(t.url) && t.id !== active?.id)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id !== undefined ? { id: others[0].id, url: others[0].url } : null;
}
