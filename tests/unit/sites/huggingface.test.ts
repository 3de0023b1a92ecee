import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DetectedEntry } from '../../../lib/schema/paper';
import { huggingface } from '../../../lib/sites/huggingface';
import { fixturePage } from '../../fixtures/manifest';
import { parseHtml } from '../../fixtures/parse';

const DAILY = 'huggingface/papers-daily-2026-09-28.html';
const DAILY_URL = 'https://huggingface.co/papers';

function capture(file: string, edit: (html: string) => string = (h) => h): { doc: Document; url: URL } {
  const page = fixturePage(file);
  return { doc: parseHtml(edit(readFileSync(page.path, 'utf8')), page.url), url: new URL(page.url) };
}

function detect(doc: Document, url: URL | string = DAILY_URL): DetectedEntry[] {
  return huggingface.detect(doc, typeof url === 'string' ? new URL(url) : url);
}

/** The capture with its embedded data removed: what detect finds from the rendered cards alone. */
function withoutData(file: string) {
  return capture(file, (html) => html.replace(/data-props="[^"]*"/g, ''));
}

const expected = (file: string) =>
  (
    JSON.parse(readFileSync(fixturePage(file).path.replace(/\.html$/, '.expected.json'), 'utf8')) as {
      entries: DetectedEntry['paper'][];
    }
  ).entries;

/** A listing island and cards written the way the site writes them. */
function listing(items: unknown[], cards: string, islandAttrs?: string): Document {
  const props = JSON.stringify({ dailyPapers: items }).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const island = islandAttrs ?? `class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${props}"`;
  return parseHtml(
    `<html><body><main><div ${island}><div class="grid">${cards}</div></div></main></body></html>`,
    DAILY_URL,
  );
}

function card(id: string, title: string, extra = ''): string {
  return `<article class="relative flex flex-col"><a href="/papers/${id}"><img src="t.png"></a><div><h3><a href="/papers/${id}">${title}</a></h3>${extra}</div></article>`;
}

describe('huggingface: the embedded data and the cards describe the same papers', () => {
  it('without its embedded data the day page yields the same 28 papers, with what the cards show', () => {
    const json = detect(capture(DAILY).doc);
    const { doc } = withoutData(DAILY);
    const cards = detect(doc);
    expect(cards.map((e) => e.paper.id)).toEqual(json.map((e) => e.paper.id));
    expect(cards.map((e) => e.paper.title)).toEqual(json.map((e) => e.paper.title));
    const fuse = cards[0]!.paper;
    // FuseReg's card: the organisation chip, 110 upvotes, 12 GitHub stars, 2 comments; no authors, no abstract.
    expect(fuse).toEqual({
      id: '2609.31620',
      source: 'huggingface',
      url: 'https://huggingface.co/papers/2609.31620',
      title:
        'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
      authors: [],
      signals: { upvotes: 110, comments: 2, githubStars: 12, organization: 'USC Physical Superintelligence (PSI) Lab' },
    });
    // A card without organisation shows five author avatars, right to left: claimed authors by user name first.
    expect(cards.find((e) => e.paper.id === '2609.31394')?.paper.authors).toEqual([
      'ghy0324',
      'Xingyu Miao',
      'Zizun Li',
      'Baole Fang',
      'Kaiwen Song',
    ]);
    for (const [i, entry] of cards.entries()) {
      const signals = json[i]!.paper.signals ?? {};
      // Whatever a card shows agrees with the data (the cards show no zero counts and never the repository).
      for (const [key, value] of Object.entries(entry.paper.signals ?? {}))
        expect(value, `${entry.paper.id} ${key}`).toBe(signals[key as keyof typeof signals]);
      // The same card and heading (the two documents are parsed apart).
      expect(entry.root.textContent).toBe(json[i]!.root.textContent);
      expect(entry.anchor?.textContent).toBe(json[i]!.anchor?.textContent);
    }
  });

  it('falls back to the cards when the JSON is truncated', () => {
    const { doc } = capture(DAILY, (html) =>
      html.replace(/(data-target="DailyPapers" data-props="[^"]{0,5000})[^"]*"/, '$1"'),
    );
    const entries = detect(doc);
    expect(entries).toHaveLength(28);
    expect(entries[0]!.paper.abstract).toBeUndefined();
    expect(entries[0]!.paper.signals?.upvotes).toBe(110);
  });

  it('finds paper items wherever the JSON puts them, whatever the island and key are called', () => {
    const item = {
      paper: { id: '2609.00001', title: 'Renamed Keys', authors: [{ name: 'A. Author' }] },
      numComments: 3,
    };
    const props = JSON.stringify({ page: { sections: [{ results: [item] }] } }).replace(/"/g, '&quot;');
    // Attribute order varies, and the islands' class may go: select by attribute.
    const doc = listing([], card('2609.00001', 'Renamed Keys (card)'), `data-props="${props}" data-target="PapersV2"`);
    expect(detect(doc)[0]?.paper).toMatchObject({
      title: 'Renamed Keys',
      authors: ['A. Author'],
      signals: { comments: 3 },
    });
  });

  it('checks each field on its own: a malformed field costs that field only', () => {
    const doc = listing(
      [
        {
          paper: {
            id: '2609.00002v2',
            title: '  Two \n Lines  ',
            summary: 'An abstract that is long enough to be one.',
            authors: [
              { name: 'Shown Author' },
              { name: 'Hidden Author', hidden: true },
              { user: 'no-name' },
              'Plain String',
            ],
            upvotes: '12',
            githubStars: -1,
            githubRepo: 'javascript:alert(1)',
            publishedAt: 'not a date',
            organization: { name: 'org-id' },
          },
          numComments: 4,
        },
      ],
      card('2609.00002', 'Two Lines'),
    );
    expect(detect(doc)[0]?.paper).toEqual({
      id: '2609.00002',
      source: 'huggingface',
      url: 'https://huggingface.co/papers/2609.00002',
      title: 'Two Lines',
      authors: ['Shown Author', 'Plain String'],
      abstract: 'An abstract that is long enough to be one.',
      signals: { comments: 4, organization: 'org-id' },
    });
  });

  it('one entry per paper: a card shown twice, or in the JSON twice, is one entry (the first)', () => {
    const item = { paper: { id: '2609.00003', title: 'Twice' } };
    const doc = listing([item, item], card('2609.00003', 'Twice') + card('2609.00003', 'Twice again'));
    const entries = detect(doc);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.root).toBe(doc.querySelector('article'));
  });

  it('ignores what is not a paper card: non-arXiv links, models and datasets in collections, headings without links', () => {
    const doc = listing(
      [{ type: 'model', id: '2609.00004', title: 'A model named like a paper' }],
      card('submit', 'Submit a paper') +
        '<h3>Trending</h3><h2><a href="/papers/trending">Trending</a></h2>' +
        '<article><a href="/meta-llama/Llama-2-7b-hf"><header title="meta-llama/Llama-2-7b-hf"><h4>meta-llama/Llama-2-7b-hf</h4></header></a></article>' +
        card('2609.00004', 'The paper itself'),
    );
    const entries = detect(doc);
    expect(entries.map((e) => e.paper)).toEqual([
      {
        id: '2609.00004',
        source: 'huggingface',
        url: 'https://huggingface.co/papers/2609.00004',
        title: 'The paper itself',
        authors: [],
      },
    ]);
  });
});

describe('huggingface: other layouts read from the cards', () => {
  it("what an article inside a card shows is not the card's own", () => {
    const inner = '<article><a href="/papers/2601.00002#community">9</a></article>';
    const doc = listing(
      [],
      card('2601.00001', 'Outer paper', `${inner}<a href="/papers/2601.00001#community">2</a>`) +
        card('2601.00003', 'Next paper', '<a href="/papers/2601.00003#community">4</a>'),
    );
    expect(detect(doc).map((e) => [e.paper.id, e.paper.signals])).toEqual([
      ['2601.00001', { comments: 2 }],
      ['2601.00003', { comments: 4 }],
    ]);
  });

  it('trending cards: abstract, GitHub repository with its stars, upvotes, organisation', () => {
    const { doc, url } = withoutData('huggingface/papers-trending-2026-09-28.html');
    const [first] = detect(doc, url);
    const want = expected('huggingface/papers-trending-2026-09-28.html')[0]!;
    expect(first?.paper).toEqual({ ...want, authors: [], date: undefined, signals: { ...want.signals } });
  });

  it('search cards: "-" for no upvotes shows no count; author avatars as shown', () => {
    const { doc, url } = withoutData('huggingface/papers-search-llm-evaluation.html');
    const entries = detect(doc, url);
    const want = expected('huggingface/papers-search-llm-evaluation.html');
    expect(entries.map((e) => e.paper.id)).toEqual(want.map((e) => e.id));
    const agentWorld = entries[0]!.paper;
    expect(agentWorld.authors).toEqual(want[0]!.authors.slice(0, 5));
    expect(agentWorld.abstract).toBe(want[0]!.abstract);
    expect(agentWorld.signals).toEqual({ upvotes: 5 });
  });

  it('collection cards: the title from the card header, the date from its time element', () => {
    const { doc, url } = withoutData('huggingface/collection-llm-foundations.html');
    const entries = detect(doc, url);
    expect(entries).toHaveLength(10);
    expect(entries[0]!.paper).toEqual({
      id: '1706.03762',
      source: 'huggingface',
      url: 'https://huggingface.co/papers/1706.03762',
      title: 'Attention Is All You Need',
      authors: [],
      date: '2017-06-12',
    });
    // The annotation goes before the card's link, not inside it.
    expect(entries[0]!.anchor?.tagName).toBe('A');
  });

  it('the paper page without its data: title, authors, abstract, links from the page', () => {
    const { doc, url } = withoutData('huggingface/paper-2609.31620.html');
    const [entry] = detect(doc, url);
    const want = expected('huggingface/paper-2609.31620.html')[0]!;
    expect(entry?.paper).toEqual({ ...want, date: undefined, signals: { ...want.signals, comments: undefined } });
    expect(entry?.root.tagName).toBe('SECTION');
    expect(entry?.anchor?.tagName).toBe('H1');
  });

  it('a page at a paper URL that does not link that paper on arXiv is no paper page', () => {
    const { doc } = withoutData('huggingface/paper-2609.31620.html');
    expect(detect(doc, 'https://huggingface.co/papers/2609.99999')).toEqual([]);
  });
});

describe('huggingface: a script-rendered site', () => {
  it('reads cards the site appended after load (no JSON for them) and keeps the known ones', () => {
    const { doc } = capture(DAILY);
    const first = detect(doc);
    const grid = doc.querySelector('article')!.parentElement!;
    const clone = doc.querySelector('article')!.cloneNode(true) as Element;
    for (const a of Array.from(clone.querySelectorAll('a[href^="/papers/2609.31620"]')))
      a.setAttribute('href', a.getAttribute('href')!.replace('2609.31620', '2609.99901'));
    clone.querySelector('h3 a')!.textContent = 'An Appended Paper';
    grid.append(clone);

    const known = new Set<Element>(first.map((e) => e.root));
    const second = huggingface.detect(doc, new URL('https://huggingface.co/papers/date/2026-09-25'), {
      isKnown: (root) => known.has(root),
    });
    expect(second).toHaveLength(29);
    // Known entries come back as they were read; the new card is read from itself.
    second.slice(0, 28).forEach((e, i) => expect(e).toBe(first[i]));
    expect(second[28]!.paper).toEqual({
      id: '2609.99901',
      source: 'huggingface',
      url: 'https://huggingface.co/papers/2609.99901',
      title: 'An Appended Paper',
      authors: [],
      signals: { upvotes: 110, comments: 2, githubStars: 12, organization: 'USC Physical Superintelligence (PSI) Lab' },
    });
    expect(second[28]!.root).toBe(clone);
  });

  it('a known card element the site reused for another paper is read again', () => {
    const { doc } = capture(DAILY);
    const first = detect(doc);
    const root = first[0]!.root;
    for (const a of Array.from(root.querySelectorAll('a[href^="/papers/2609.31620"]')))
      a.setAttribute('href', a.getAttribute('href')!.replace('2609.31620', '2609.99902'));
    root.querySelector('h3 a')!.textContent = 'Reused Element';
    const again = huggingface.detect(doc, new URL(DAILY_URL), { isKnown: () => true });
    expect(again[0]!.paper.id).toBe('2609.99902');
    expect(again[0]!.paper.title).toBe('Reused Element');
  });

  it('expects as many entries as the page links distinct papers', () => {
    const { doc, url } = withoutData(DAILY);
    expect(huggingface.expectedCount?.(doc, url)).toBe(28);
    doc.querySelectorAll('h3').forEach((h) => h.replaceWith(...Array.from(h.childNodes)));
    // The title headings gone (a redesign): detect finds nothing, the estimate still says 28.
    expect(detect(doc, url)).toEqual([]);
    expect(huggingface.expectedCount?.(doc, url)).toBe(28);
  });
});

describe('huggingface: URLs', () => {
  it.each([
    ['https://huggingface.co/papers', true],
    ['https://huggingface.co/papers?q=diffusion', true],
    ['https://huggingface.co/papers/search?q=diffusion', true],
    ['https://huggingface.co/papers/date/2026-09-28', true],
    ['https://huggingface.co/papers/week/2026-W40', true],
    ['https://huggingface.co/papers/month/2026-09', true],
    ['https://huggingface.co/papers/trending', true],
    ['https://huggingface.co/papers/2609.31620', true],
    ['https://huggingface.co/papers/2609.31620v2', true],
    ['https://huggingface.co/google/papers', true],
    ['https://huggingface.co/google/papers?sort=published_at', true],
    ['https://huggingface.co/collections/ml-reading-group/llm-foundations-66f1c2d3e4a5b6c7d8e9f001', true],
    ['https://huggingface.co/papers/submit', false],
    ['https://huggingface.co/papers/2609.31620/discussion', false],
    ['https://huggingface.co/collections/ml-reading-group', false],
    ['https://huggingface.co/datasets/papers', false],
    ['https://huggingface.co/models', false],
    ['https://huggingface.co/google/gemma-7b', false],
  ])('%s → %s', (url, ok) => {
    expect(huggingface.accepts?.(new URL(url)) ?? true).toBe(ok);
  });
});
