import { describe, expect, it } from 'vitest';
import { PaperEntrySchema } from '../../../lib/schema/paper';
import { findAdapter } from '../../../lib/sites/find-adapter';
import { fixturePages } from '../../fixtures/manifest';
import { withParsedHtml } from '../../fixtures/parse';
import { readFileSync } from 'node:fs';

/** A small seeded PRNG (mulberry32): a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Damages a page the way site redesigns do: nodes removed or moved, attributes dropped, text emptied. */
function mutate(doc: Document, rnd: () => number, count: number): void {
  const all = Array.from(doc.body?.querySelectorAll('*') ?? []);
  const pick = () => all[Math.floor(rnd() * all.length)];
  for (let i = 0; i < count && all.length > 0; i++) {
    const el = pick();
    if (!el) continue;
    const op = Math.floor(rnd() * 5);
    if (op === 0) el.remove();
    else if (op === 1 && el.parentElement) el.parentElement.prepend(el);
    else if (op === 2 && el.attributes.length > 0)
      el.removeAttribute(el.attributes[Math.floor(rnd() * el.attributes.length)]!.name);
    else if (op === 3) el.textContent = '';
    // Duplicate a small subtree elsewhere (a big one, cloned again and again, would grow the page without end).
    else if (op === 4 && el.getElementsByTagName('*').length <= 50) pick()?.append(el.cloneNode(true));
  }
}

const ROUNDS = 12;

describe.each(fixturePages())('fuzz: $file', (page) => {
  const html = readFileSync(page.path, 'utf8');
  it(`${ROUNDS} damaged copies: detect() never throws nor yields an entry without id and title`, async () => {
    const adapter = findAdapter(page.url)!;
    for (let seed = 1; seed <= ROUNDS; seed++) {
      const entries = await withParsedHtml(html, page.url, (doc) => {
        const rnd = random(seed * 7919 + page.entries);
        mutate(doc, rnd, 5 + Math.floor(rnd() * 200));
        return adapter.detect(doc, new URL(page.url)).map((e) => e.paper);
      });
      for (const paper of entries) {
        expect(paper.id, `seed ${seed}`).toBeTruthy();
        expect(paper.title.trim(), `seed ${seed}`).not.toBe('');
        expect(PaperEntrySchema.safeParse(paper).success, `seed ${seed}: ${paper.id}`).toBe(true);
      }
      expect(new Set(entries.map((e) => e.id)).size, `seed ${seed}`).toBe(entries.length);
    }
    // Parsing a large capture a dozen times is the slow part; give it room on a loaded 2-core machine.
  }, 60_000);
});
