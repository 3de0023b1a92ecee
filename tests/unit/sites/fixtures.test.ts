import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PaperEntrySchema } from '../../../lib/schema/paper';
import { findAdapter } from '../../../lib/sites/find-adapter';
import { fixturePages } from '../../fixtures/manifest';
import { parseCapture, parseHtml } from '../../fixtures/parse';

// Every capture in tests/fixtures/pages/*/MANIFEST.tsv is served at its URL, picked by the adapter of its
// folder, and must yield exactly the entries of its `.expected.json`, field by field, in page order.
describe.each(fixturePages())('$file', (page) => {
  const expectedPath = page.path.replace(/\.html$/, '.expected.json');

  it('is picked by the adapter of its folder', () => {
    expect(findAdapter(page.url)?.id).toBe(page.file.split('/')[0]);
  });

  it(`detect() finds exactly the ${page.entries} expected entries, every field`, () => {
    expect(existsSync(expectedPath), `${expectedPath} exists`).toBe(true);
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as { entries: unknown[] };
    const adapter = findAdapter(page.url)!;
    const { doc, url } = parseCapture(page.file);
    const entries = adapter.detect(doc, url);
    expect(entries).toHaveLength(page.entries);
    expect(expected.entries).toHaveLength(page.entries);
    entries.forEach((entry, i) => {
      expect(entry.paper, `entry ${i} (${entry.paper.id})`).toEqual(expected.entries[i]);
      expect(PaperEntrySchema.safeParse(entry.paper).success).toBe(true);
      expect(entry.root.isConnected).toBe(true);
      if (entry.anchor) expect(entry.root.contains(entry.anchor)).toBe(true);
      for (const part of entry.parts ?? []) expect(part.isConnected).toBe(true);
    });
    expect(new Set(entries.map((e) => e.paper.id)).size).toBe(entries.length);
  });

  it('detect() leaves the page exactly as it was', () => {
    const adapter = findAdapter(page.url)!;
    const { doc, url } = parseCapture(page.file);
    const before = doc.documentElement.outerHTML;
    adapter.detect(doc, url);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('isKnown lets a second pass skip what was done and still report it', () => {
    const adapter = findAdapter(page.url)!;
    const { doc, url } = parseCapture(page.file);
    const first = adapter.detect(doc, url);
    const known = new Set<Element>(first.map((e) => e.root));
    const second = adapter.detect(doc, url, { isKnown: (root) => known.has(root) });
    expect(second.map((e) => e.paper.id)).toEqual(first.map((e) => e.paper.id));
  });

  it('finds nothing in an empty page and in an unrelated page at the same URL', () => {
    const adapter = findAdapter(page.url)!;
    expect(adapter.detect(parseHtml('', page.url), new URL(page.url))).toEqual([]);
    const unrelated = '<html><body><h1>Weather</h1><p>Sunny, 21°C. <a href="/about">About</a></p></body></html>';
    expect(adapter.detect(parseHtml(unrelated, page.url), new URL(page.url))).toEqual([]);
  });
});
