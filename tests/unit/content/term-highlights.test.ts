// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotationFor } from '../../../lib/content/annotate';
import { rangesFor } from '../../../lib/content/term-highlights';
import { compileInterests, scorePaper } from '../../../lib/scoring/score';
import { findAdapter } from '../../../lib/sites/find-adapter';
import { fixturePage } from '../../fixtures/manifest';
import { interest } from '../helpers';

function load(file: string) {
  const page = fixturePage(file);
  const parsed = new DOMParser().parseFromString(readFileSync(page.path, 'utf8'), 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
  return findAdapter(page.url)!.detect(document, new URL(page.url));
}

const flat = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

describe('term marks: scorer spans mapped onto the page’s own text', () => {
  const interests = compileInterests([
    interest({ id: 'lm', query: '"language model" OR agent* OR reasoning' }),
    interest({ id: 'rl', query: '"reinforcement learning" OR RL' }),
  ]);

  for (const file of ['arxiv/new-cs.AI-2026-02-24.html', 'huggingface/papers-daily-2026-09-28.html']) {
    it(`marks exactly the matched words in titles and abstracts (${file})`, () => {
      const entries = load(file);
      let marked = 0;
      for (const entry of entries) {
        const result = scorePaper(entry.paper, interests);
        // Our own host is in the entry too: its (shadow) text must never be matched.
        const host = annotationFor(entry, { toggleSaved: () => {}, toggleFeedback: () => {} });
        host.mount();
        for (const field of ['title', 'abstract'] as const) {
          const text = entry.paper[field] ?? '';
          const pageText = flat((entry.parts ?? [entry.root]).map((p) => p.textContent).join(' '));
          // Only what the page shows can be marked (HF cards show no abstract; it comes from the page's data).
          const shownOnPage = pageText.includes(flat(text.slice(0, 30)));
          const expected = result.reasons
            .filter(() => shownOnPage)
            .filter((r) => r.field === field)
            .flatMap((r) => r.spans ?? [])
            .sort((a, b) => a[0] - b[0])
            .map(([s, e]) => flat(text.slice(s, e)));
          const ranges = rangesFor(entry, field, result.reasons);
          expect(ranges.map((r) => flat(r.toString()))).toEqual(expected);
          marked += ranges.length;
        }
      }
      expect(marked).toBeGreaterThan(5);
    });
  }

  it('adds nothing to the page’s DOM', () => {
    const entries = load('arxiv/new-cs.AI-2026-02-24.html');
    const before = document.body.innerHTML;
    for (const entry of entries) rangesFor(entry, 'abstract', scorePaper(entry.paper, interests).reasons);
    expect(document.body.innerHTML).toBe(before);
  });
});
