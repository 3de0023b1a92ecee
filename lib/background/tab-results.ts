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

/** Every tab with stored results (the re-score after an interest or shortlist change visits each). */
export async function listTabResults(): Promise<{ tabId: number; results: TabResults }[]> {
  const all = await storage.snapshot('session');
  const out: { tabId: number; results: TabResults }[] = [];
  for (const [name, value] of Object.entries(all)) {
    const match = /^tab-results:(\d+)$/.exec(name);
    const parsed = match ? TabResultsSchema.safeParse(value) : null;
    if (match && parsed?.success) out.push({ tabId: Number(match[1]), results: parsed.data });
  }
  return out;
}
