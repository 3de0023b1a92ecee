import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DetectedEntry, PaperEntry } from '../../../lib/schema/paper';
import { arxiv } from '../../../lib/sites/arxiv';
import { fixturePage } from '../../fixtures/manifest';
import { parseHtml } from '../../fixtures/parse';

function capture(file: string, edit: (html: string) => string = (h) => h): { doc: Document; url: URL } {
  const page = fixturePage(file);
  return { doc: parseHtml(edit(readFileSync(page.path, 'utf8')), page.url), url: new URL(page.url) };
}

function detect(doc: Document, url: URL | string): DetectedEntry[] {
  return arxiv.detect(doc, typeof url === 'string' ? new URL(url) : url);
}

const expected = (file: string): PaperEntry[] =>
  (
    JSON.parse(readFileSync(fixturePage(file).path.replace(/\.html$/, '.expected.json'), 'utf8')) as {
      entries: PaperEntry[];
    }
  ).entries;

/** A listing page in the current markup: `sections` are [heading, dt+dd html][]. */
function currentListing(url: string, sections: [string, string][], pageHeading = ''): Document {
  const dls = sections.map(([h, items]) => `<dl id='articles'>${h ? `<h3>${h}</h3>` : ''}${items}</dl>`).join('');
  return parseHtml(
    `<html><body><div id='dlpage'><h1>Computation and Language</h1>${pageHeading}${dls}</div></body></html>`,
    url,
  );
}

function item(id: string, title: string, authors: string[], extra = '', dtExtra = ''): string {
  const links = authors.map((a) => `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${a}">${a}</a>`);
  return (
    `<dt><a name='item1'>[1]</a><a href ="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a>${dtExtra}` +
    ` [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}">pdf</a>]</dt>` +
    `<dd><div class='meta'><div class='list-title mathjax'><span class='descriptor'>Title:</span> ${title}</div>` +
    `<div class='list-authors'>${links.join(', ')}</div>${extra}` +
    `<div class='list-subjects'><span class='descriptor'>Subjects:</span> <span class="primary-subject">Computation and Language (cs.CL)</span>; Machine Learning (cs.LG)</div></div></dd>`
  );
}

describe('arxiv: listings', () => {
  it('reads the pre-2024 markup (span.list-identifier, h3 before each plain dl) like the current one', () => {
    const legacy = detect(...(Object.values(capture('arxiv/new-cs.CL-2022-02-10-legacy.html')) as [Document, URL]));
    expect(legacy).toHaveLength(12);
    expect(legacy.every((e) => e.root.tagName === 'DD' && e.parts?.[0]?.tagName === 'DT')).toBe(true);
    // "New submissions for Thu, 10 Feb 22": a two-digit year.
    expect(new Set(legacy.map((e) => e.paper.date))).toEqual(new Set(['2022-02-10']));
    // An old-style id, lower-cased, with its own URLs; a withdrawn paper has no PDF link, so no pdfUrl.
    const old = legacy.find((e) => e.paper.id === 'cmp-lg/9607012')!.paper;
    expect(old.url).toBe('https://arxiv.org/abs/cmp-lg/9607012');
    expect(old.pdfUrl).toBe('https://arxiv.org/pdf/cmp-lg/9607012');
    expect(legacy.find((e) => e.paper.id === '2201.11305')!.paper.pdfUrl).toBeUndefined();
    // Replacements carry no abstract on legacy pages; new submissions do.
    expect(legacy.find((e) => e.paper.id === '2110.07731')!.paper.abstract).toBeUndefined();
    expect(legacy[0]!.paper.abstract).toMatch(/^We test whether multilingual encoders/);
  });

  it('keeps a paper shown in two sections once, where it first appears', () => {
    const { doc, url } = capture('arxiv/new-cs.AI-2026-02-24.html');
    const entries = detect(doc, url);
    expect(doc.querySelectorAll('dl#articles > dt')).toHaveLength(13);
    expect(entries.filter((e) => e.paper.id === '2602.18920')).toHaveLength(1);
    const deep = entries.find((e) => e.paper.id === '2602.18920')!;
    // The first one is in the Cross submissions section, the second dl.
    expect(deep.root.parentElement).toBe(doc.querySelectorAll('dl#articles')[1]);
  });

  it('dates entries by the page or section they are listed under, and not at all where none is shown', () => {
    const day = (file: string) => [...new Set(expected(file).map((p) => p.date))];
    expect(day('arxiv/new-cs.AI-2026-02-24.html')).toEqual(['2026-02-24']);
    expect(day('arxiv/recent-cs.DL-2025-11-20.html')).toEqual(['2025-11-20', '2025-11-19', '2025-11-18']);
    expect(day('arxiv/catchup-cs.DL-2025-11-20.html')).toEqual(['2025-11-20']);
    expect(day('arxiv/pastweek-cs.CL-2022-02-10-legacy.html')).toEqual(['2022-02-10', '2022-02-09']);
    expect(day('arxiv/list-cs.CL-2025-05-show50.html')).toEqual(['2025-05']);
    expect(day('arxiv/list-hep-th-9901-legacy.html')).toEqual(['1999-01']);
    expect(day('arxiv/author-okonkwo_a_1.html')).toEqual([undefined]);
    // Section and page headings on a page built here, checked through detect itself.
    const doc = currentListing(
      'https://arxiv.org/list/cs.CL/recent',
      [
        ['Fri, 21 Nov 2025 (showing first 1 of 119 entries )', item('2511.00001', 'A', ['Ann Lee'])],
        ['Thu, 20 Nov 2025 (showing 1 of 1 entries )', item('2511.00002', 'B', ['Bo Li'])],
      ],
      '<h2>Authors and titles for recent submissions</h2>',
    );
    expect(detect(doc, 'https://arxiv.org/list/cs.CL/recent').map((e) => e.paper.date)).toEqual([
      '2025-11-21',
      '2025-11-20',
    ]);
  });

  it("takes a dt's abs and PDF links from the dt or its span only, not from deeper inside", () => {
    const deep = (a: string) => `<span><b>${a}</b></span>`;
    const entry = (dt: string, id: string) =>
      item(id, `Paper ${id}`, ['Ann Lee']).replace(/<dt>.*<\/dt>/, `<dt>${dt}</dt>`);
    const doc = currentListing('https://arxiv.org/list/cs.CL/new', [
      [
        'New submissions (showing 2 of 2 entries)',
        entry(
          `${deep('<a href="/abs/2511.00009" title="Abstract">arXiv:2511.00009</a>')}` +
            '<a href="/abs/2511.00005" title="Abstract">arXiv:2511.00005</a> [<a href="/x" title="Download PDF">pdf</a>]',
          '2511.00005',
        ) +
          entry(
            '<span><a href="/abs/2511.00006" title="Abstract">arXiv:2511.00006</a></span>' +
              deep('<a href="/x" title="Download PDF">pdf</a>'),
            '2511.00006',
          ),
      ],
    ]);
    const [a, b] = detect(doc, 'https://arxiv.org/list/cs.CL/new');
    expect([a!.paper.id, a!.paper.pdfUrl]).toEqual(['2511.00005', 'https://arxiv.org/pdf/2511.00005']);
    expect([b!.paper.id, b!.paper.pdfUrl]).toEqual(['2511.00006', undefined]);
  });

  it('falls back to reading each author link when the comma-split text is not one name per link', () => {
    const doc = currentListing('https://arxiv.org/list/cs.CL/new', [
      [
        'New submissions (showing 2 of 2 entries)',
        item('2511.00003', 'With affiliation', ['Ann Lee', 'Bo Li']).replace('>Bo Li</a>', '>Bo Li</a> (MIT)') +
          item('2511.00004', 'With a suffix', ['Carl Smith, Jr.', 'Dee Wu']),
      ],
    ]);
    const [a, b] = detect(doc, 'https://arxiv.org/list/cs.CL/new');
    expect(a!.paper.authors).toEqual(['Ann Lee', 'Bo Li']);
    expect(b!.paper.authors).toEqual(['Carl Smith, Jr.', 'Dee Wu']);
  });

  it('finds fields by their labels when class names change, and by class names when labels go', () => {
    const original = detect(...(Object.values(capture('arxiv/list-cs.CL-2025-06-show25.html')) as [Document, URL]));
    const noClasses = capture('arxiv/list-cs.CL-2025-06-show25.html', (h) =>
      h.replace(/class='list-(title|authors|subjects|comments|journal-ref)[^']*'/g, "class='x'"),
    );
    expect(detect(noClasses.doc, noClasses.url).map((e) => e.paper)).toEqual(original.map((e) => e.paper));
    const noLabels = capture('arxiv/list-cs.CL-2025-06-show25.html', (h) =>
      h.replace(/<span class='descriptor'>Title:<\/span>/g, ''),
    );
    expect(detect(noLabels.doc, noLabels.url).map((e) => e.paper.title)).toEqual(original.map((e) => e.paper.title));
  });

  it('takes the id from the link text, else from the abs href, and never keeps a version', () => {
    const doc = currentListing('https://arxiv.org/list/cs.CL/new', [
      [
        '',
        item('2511.00005v3', 'Versioned label', ['Ann Lee']) +
          item('2511.00006', 'No label', ['Bo Li']).replace('>arXiv:2511.00006<', '>abstract<'),
      ],
    ]);
    expect(detect(doc, 'https://arxiv.org/list/cs.CL/new').map((e) => e.paper.id)).toEqual([
      '2511.00005',
      '2511.00006',
    ]);
  });

  it('reuses what it read for roots the caller already knows', () => {
    const { doc, url } = capture('arxiv/list-cs.CL-2025-06-show25.html');
    const first = detect(doc, url);
    const title = first[0]!.anchor!;
    title.lastChild!.textContent = ' Changed after the first pass ';
    const known = new Set<Element>(first.map((e) => e.root));
    const again = arxiv.detect(doc, url, { isKnown: (root) => known.has(root) });
    expect(again[0]!.paper.title).toBe(first[0]!.paper.title);
    expect(detect(doc, url)[0]!.paper.title).toBe('Changed after the first pass');
  });

  it('counts the papers a broken listing still links to, so the layout change is noticed', () => {
    const broken = capture('arxiv/list-cs.CL-2025-05-show50.html', (h) =>
      h.replace(/<(\/?)dd>/g, '<$1div>').replace(/<(\/?)dt>/g, '<$1p>'),
    );
    expect(detect(broken.doc, broken.url)).toEqual([]);
    expect(arxiv.expectedCount!(broken.doc, broken.url)).toBe(50);
  });
});

describe('arxiv: search results', () => {
  it('reads the full abstract without its toggle, and keeps highlighted words whole', () => {
    const [first] = detect(
      ...(Object.values(capture('arxiv/search-advanced-agent-2026-02-21.html')) as [Document, URL]),
    );
    expect(first!.paper.abstract).toMatch(/^Legacy JavaScript systems lack type safety/);
    expect(first!.paper.abstract).toContain('Large Language Model (LLM)-based agentic system');
    expect(first!.paper.abstract).not.toMatch(/More|Less|[▽△]/);
    expect(first!.anchor?.classList.contains('title')).toBe(true);
  });

  it('dates a revised result by its first version, and leaves out an abstract the page hides', () => {
    const { doc, url } = capture('arxiv/search-citation-intent.html', (h) =>
      h.replace(/<p class="abstract mathjax">[\s\S]*?<\/p>/g, ''),
    );
    const entries = detect(doc, url);
    const revised = entries.find((e) => e.paper.id === '2409.11873')!.paper;
    expect(revised.date).toBe('2024-09-18');
    expect(revised.doi).toBe('10.1007/s11192-025-05311-2');
    expect(revised.venue).toBe('Scientometrics 130, 1457-1482 (2025)');
    expect(entries.every((e) => e.paper.abstract === undefined)).toBe(true);
  });
});

describe('arxiv: abstract pages', () => {
  it('falls back on the citation_* meta tags when the visible record is missing', () => {
    const { doc, url } = capture('arxiv/abs-1902.02534.html', (h) =>
      h
        .replace(/<div class="authors">[\s\S]*?<\/div>/, '')
        .replace(/<blockquote class="abstract mathjax">[\s\S]*?<\/blockquote>/, '')
        .replace(/<div class="dateline">[\s\S]*?<\/div>/, ''),
    );
    const [entry] = detect(doc, url);
    expect(entry!.paper.authors).toEqual(['Ivan Heibi', 'Silvio Peroni', 'David Shotton']);
    expect(entry!.paper.abstract).toMatch(
      /^In this paper, we analyse .*OpenCitations Index of Crossref open DOI-to-DOI/,
    );
    expect(entry!.paper.date).toBe('2019-02-07');
  });

  it('keeps a publication DOI and drops the arXiv-issued one', () => {
    const { doc, url } = capture('arxiv/abs-1902.02534.html', (h) =>
      h.replace(
        '<td class="tablecell label">Cite as:</td>',
        '<td class="tablecell label">Related DOI:</td><td class="tablecell doi"><a href="https://doi.org/10.1007/s11192-019-03100-2">https://doi.org/10.1007/s11192-019-03100-2</a></td></tr><tr><td class="tablecell label">Cite as:</td>',
      ),
    );
    expect(detect(doc, url)[0]!.paper.doi).toBe('10.1007/s11192-019-03100-2');
    expect(expected('arxiv/abs-1902.02534.html')[0]!.doi).toBeUndefined();
  });

  it('reports the id without the version of a versioned URL', () => {
    const [entry] = detect(...(Object.values(capture('arxiv/abs-2602.18733v1.html')) as [Document, URL]));
    expect(entry!.paper.id).toBe('2602.18733');
    expect(entry!.paper.url).toBe('https://arxiv.org/abs/2602.18733');
    expect(entry!.root.id).toBe('abs');
  });
});

describe('arxiv: which URLs it takes', () => {
  it.each([
    ['https://arxiv.org/list/cs.CL/new', true],
    ['https://arxiv.org/list/cs.CL/pastweek?show=100', true],
    ['https://arxiv.org/list/hep-th/9901', true],
    ['https://arxiv.org/list/cs.CL', false],
    ['https://arxiv.org/abs/hep-th/9901001v2', true],
    ['https://arxiv.org/abs/', false],
    ['https://arxiv.org/search/?query=x&searchtype=all', true],
    ['https://arxiv.org/search/advanced?advanced=&terms-0-term=agents&terms-0-field=all', true],
    ['https://arxiv.org/search/advanced', false],
    ['https://arxiv.org/catchup/cs.CL/2025-11-20?abs=True', true],
    ['https://arxiv.org/catchup?smonth=11&group=grp_cs&sday=20&num=50&archive=cs&method=with&syear=2025', true],
    ['https://arxiv.org/catchup', false],
    ['https://arxiv.org/a/zibetti_s_1', true],
    ['https://arxiv.org/a/zibetti_s_1.html', true],
    ['https://arxiv.org/a/zibetti_s_1.atom2', false],
  ])('%s → %s', (url, ok) => {
    expect(arxiv.accepts!(new URL(url))).toBe(ok);
  });
});
