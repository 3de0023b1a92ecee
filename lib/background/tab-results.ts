import { storage } from 'wxt/utils/storage';
import { TabResultsSchema, type TabResults } from '../messaging/protocol';

// Session storage, not a variable: an MV3 service worker is stopped when idle and would forget every tab.
function key(tabId: number) {
  return `session:tab-results:${tabId}` as const;
}

/** Stores what a tab reported and how it scored. */
export async function saveTabResults(tabId: number, results: TabResults): Promise<void> {
  await storage.setItem(key(tabId), results);
}

/** What a tab reported last, or null (never reported, closed, or stored data no longer valid). */
export async function loadTabResults(tabId: number): Promise<TabResults | null> {
  const parsed = TabResultsSchema.safeParse(await storage.getItem(key(tabId)));
  return parsed.success ? parsed.data : null;
}

/** Forgets a closed tab. */
export async function clearTabResults(tabId: number): Promise<void> {
  await storage.removeItem(key(tabId));
}
