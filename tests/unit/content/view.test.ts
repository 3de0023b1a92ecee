// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PageView, unitsOf, type ViewItem } from '../../../lib/content/view';
import { findAdapter } from '../../../lib/sites/find-adapter';
import { fixturePage } from '../../fixtures/manifest';

/** Loads a real capture into the test's document and detects its entries with the real adapter. */
function load(file: string) {
  const page = fixturePage(file);
  const parsed = new DOMParser().parseFromString(readFileSync(page.path, 'utf8'), 'text/html');
  // Frames never load in these tests; dropping them from the in-memory copy keeps happy-dom from complaining.
  for (const frame of Array.from(parsed.querySelectorAll('iframe'))) frame.remove();
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
  const url = new URL(page.url);
  const entries = findAdapter(page.url)!.detect(document, url);
  expect(entries).toHaveLength(page.entries);
  return entries;
}

/** Every third entry matches, with a score that is not in page order. */
function items(entries: ReturnType<typeof load>): ViewItem[] {
  return entries.map((entry, i) => ({
    entry,
    match: i % 3 === 1,
    score: i % 3 === 1 ? 10 + ((i * 37) % 90) : 0,
    hidden: false,
  }));
}

const ids = (sel: string) => Array.from(document.querySelectorAll(sel)).map((e) => e.getAttribute('data-id'));

describe('page view: matches first / matches only / dim, and exact restore', () => {
  it('on arXiv /new, sorts matches first within each section and restores the exact original DOM', () => {
    const entries = load('arxiv/new-cs.AI-2026-02-24.html');
    entries.forEach((e) => e.root.setAttribute('data-id', e.paper.id));
    const original = document.body.innerHTML;
    const list = items(entries);
    const view = new PageView();
    view.apply('matches-first', false, list);
    // Each dl is one section (new, cross-lists, replacements): entries never move between sections.
    for (const dl of Array.from(document.querySelectorAll('dl'))) {
      // (A paper listed twice — a cross-list of a new submission — is one entry: its second dd is not one.)
      const order = Array.from(dl.querySelectorAll(':scope > dd'))
        .map((dd) => list.find((i) => i.entry.root === dd))
        .filter((i) => i !== undefined);
      const matches = order.filter((i) => i.match);
      expect(order.slice(0, matches.length)).toEqual(matches);
      expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
      // dt and dd of an entry stay together.
      for (const item of order) expect(item.entry.parts![0]!.nextElementSibling).toBe(item.entry.root);
    }
    expect(document.body.innerHTML).not.toBe(original);
    view.restore();
    expect(document.body.innerHTML).toBe(original);
  });

  it('hides the rest in "matches only", dims it with "dim", and restores every style attribute', () => {
    const entries = load('arxiv/list-cs.CL-2025-05-show50.html');
    const first = entries[0]!.parts![0]!;
    first.setAttribute('style', 'color: red');
    const original = document.body.innerHTML;
    const list = items(entries);
    const view = new PageView();
    view.apply('matches-only', false, list);
    for (const item of list) {
      for (const part of item.entry.parts!) {
        expect(part.style.getPropertyValue('display')).toBe(item.match ? '' : 'none');
      }
    }
    view.apply('original', true, list);
    for (const item of list) expect(item.entry.root.style.getPropertyValue('opacity')).toBe(item.match ? '' : '0.35');
    view.apply('original', false, list);
    expect(view.active).toBe(false);
    expect(first.getAttribute('style')).toBe('color: red');
    expect(document.body.innerHTML).toBe(original);
  });

  it('hides entries a mute asked to hide, in every view', () => {
    const entries = load('arxiv/list-cs.CL-2025-05-show50.html');
    const list = items(entries).map((i, n) => ({ ...i, hidden: n === 0 }));
    new PageView().apply('original', false, list);
    expect(entries[0]!.root.style.getPropertyValue('display')).toBe('none');
    expect(entries[1]!.root.style.getPropertyValue('display')).toBe('');
  });

  it('on Hugging Face, moves whole cards (the outermost wrapper holding one paper) and restores them', () => {
    const entries = load('huggingface/papers-daily-2026-09-28.html');
    entries.forEach((e) => e.root.setAttribute('data-id', e.paper.id));
    const units = unitsOf(items(entries));
    const grid = units.get(entries[0]!)![0]!.parentElement!;
    // Every card's unit is a child of the same grid, and holds exactly its own paper.
    for (const e of entries) {
      const [unit] = units.get(e)!;
      expect(unit!.parentElement).toBe(grid);
      expect(unit!.contains(e.root)).toBe(true);
    }
    const original = document.body.innerHTML;
    const before = ids('[data-id]');
    const view = new PageView();
    view.apply('matches-first', false, items(entries));
    const after = ids('[data-id]');
    expect(after).not.toEqual(before);
    expect([...after].sort()).toEqual([...before].sort());
    view.restore();
    expect(document.body.innerHTML).toBe(original);
  });

  it('keeps entries the site added meanwhile when restoring', () => {
    const entries = load('arxiv/list-cs.CL-2025-05-show50.html');
    const list = items(entries);
    const view = new PageView();
    view.apply('matches-first', false, list);
    const dl = entries[0]!.root.parentElement!;
    const late = document.createElement('dt');
    late.textContent = 'added by the site';
    dl.append(late);
    view.restore();
    expect(dl.lastElementChild).toBe(late);
    expect(Array.from(dl.children).indexOf(entries[0]!.parts![0]!)).toBe(0);
  });
});
