import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Interest } from '../../lib/schema/interest';
import type { PaperEntry } from '../../lib/schema/paper';

const PAGES = join(import.meta.dirname, '../fixtures/pages');

/** Loads a captured page into the test's DOM (happy-dom) as the document the adapters read. */
export function loadCapture(file: string): Document {
  const html = readFileSync(join(PAGES, file), 'utf8');
  // DOMParser makes an inert document: no scripts run, no stylesheets or frames load.
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A paper with defaults for what a test does not care about. */
export function paper(fields: Partial<PaperEntry> & { title: string }): PaperEntry {
  return { id: '2501.00001', source: 'test', url: 'https://arxiv.org/abs/2501.00001', authors: [], ...fields };
}

/** An interest with defaults for what a test does not care about. */
export function interest(fields: Partial<Interest> & { query: string }): Interest {
  return { id: fields.query, name: fields.query, color: '#112233', weight: 1, enabled: true, ...fields };
}
