import { browser } from 'wxt/browser';

/** Shows the number of matches on a tab's toolbar button (0 shows nothing), or "!" when detection failed. */
export async function setMatchBadge(tabId: number, matches: number, warning = false): Promise<void> {
  // MV3 has `action`, Firefox's MV2 build `browserAction`: the same calls under two names.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ tabId, text: warning ? '!' : matches > 0 ? String(matches) : '' });
  await action.setBadgeBackgroundColor({ tabId, color: warning ? '#b45309' : '#6d28d9' });
}
