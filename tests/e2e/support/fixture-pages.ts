import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page captures the tests serve, read from tests/fixtures/pages/MANIFEST.tsv. */
export interface FixturePage {
  file: string;
  url: string;
  site: string;
  pageType: string;
  entries: number;
  path: string;
}

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pages');

/** Every capture in the manifest. */
export function fixturePages(): FixturePage[] {
  const [, ...rows] = readFileSync(join(FIXTURES_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [file = '', url = '', site = '', pageType = '', entries = '0'] = row.split('\t');
    return { file, url, site, pageType, entries: Number(entries), path: join(FIXTURES_DIR, file) };
  });
}

/** One capture by file name (e.g. `huggingface/papers-daily-2026-09-28.html`). */
export function fixturePage(file: string): FixturePage {
  const page = fixturePages().find((p) => p.file === file);
  if (!page) throw new Error(`No fixture ${file} in tests/fixtures/pages/MANIFEST.tsv`);
  return page;
}

/** The HTML to answer a request with: a capture served at its real URL, or null (the request is refused). */
export function fixtureResponse(requestUrl: string, extra: Record<string, string> = {}): string | null {
  if (extra[requestUrl] !== undefined) return extra[requestUrl];
  const page = fixturePages().find((p) => p.url === requestUrl);
  return page ? readFileSync(page.path, 'utf8') : null;
}
