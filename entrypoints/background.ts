import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clearTabResults } from '../lib/background/tab-results';
import { createBackground } from '../lib/background/handlers';
import { openPaperlightDb } from '../lib/db/database';
import { createRouter } from '../lib/messaging/router';

export default defineBackground(() => {
  const db = openPaperlightDb();
  db.catch((error: unknown) => console.error('Paperlight: could not open the database', error));
  browser.runtime.onMessage.addListener(createRouter(createBackground(db)));
  browser.tabs.onRemoved.addListener((tabId) => void clearTabResults(tabId));
});
