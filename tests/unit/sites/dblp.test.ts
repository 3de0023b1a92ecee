import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dblp } from '../../../lib/sites/dblp';
import { FIXTURES_DIR } from '../../fixtures/manifest';
import { parseHtml } from '../../fixtures/parse';

const PID = 'https://dblp.org/pid/213/4567.html';

/** An entry as dblp renders it; `date` as a span (listings) or a meta tag (tables of contents). */
function entry(opts: {
  key?: string;
  type?: string;
  title: string;
  ee?: string[];
  venue?: string;
  date?: string;
  dateAsMeta?: boolean;
}): string {
  const ee = (opts.ee ?? [])
    .map((u) => `<li class="ee"><a href="${u}" itemprop="url">electronic edition</a></li>`)
    .join('');
  const date = opts.dateAsMeta
    ? `<meta itemprop="datePublished" content="${opts.date ?? '2024'}">`
    : `<span itemprop="datePublished">${opts.date ?? '2024'}</span>`;
  return (
    `<li class="entry ${opts.type ?? 'inproceedings'} toc"${opts.key ? ` id="${opts.key}"` : ''} itemscope itemtype="http://schema.org/ScholarlyArticle">` +
    `<nav class="publ"><ul><li class="drop-down"><div class="head"><a href="${opts.ee?.[0] ?? '#'}"><img itemprop="image"></a></div>` +
    `<div class="body"><ul>${ee}<li class="details"><a href="https://dblp.org/rec/${opts.key ?? 'x/y/Z'}.html">details</a></li></ul></div></li>` +
    `<li class="drop-down"><div class="head"><a href="https://dblp.org/rec/${opts.key ?? 'x/y/Z'}.html?view=bibtex"></a></div></li></ul></nav>` +
    `<cite class="data tts-content" itemprop="headline"><span itemprop="author" itemscope><a href="https://dblp.org/pid/1/2.html">` +
    `<span itemprop="name" title="Wei Wang 0001">Wei Wang</span></a></span>, <span itemprop="author" itemscope>` +
    `<span class="this-person" itemprop="name">Lena Hartmann</span></span>:<br> <span class="title" itemprop="name">${opts.title}</span> ` +
    `${opts.venue ?? ''} ${date}</cite></li>`
  );
}

function detect(body: string, url = PID) {
  const doc = parseHtml(`<html><body><ul class="publ-list"><li class="year">2024</li>${body}</ul></body></html>`, url);
  return dblp.detect(doc, new URL(url));
}

describe('dblp adapter', () => {
  it('reads the microdata: shown names (no homonym numbers), title without dblp’s full stop, date', () => {
    const [e] = detect(
      entry({ key: 'conf/iclr/WangH24', title: 'Sparse Adapters.', ee: ['https://openreview.net/forum?id=x'] }),
    );
    expect(e?.paper).toEqual({
      id: 'dblp:conf/iclr/WangH24',
      source: 'dblp',
      url: 'https://dblp.org/rec/conf/iclr/WangH24.html',
      title: 'Sparse Adapters',
      authors: ['Wei Wang', 'Lena Hartmann'],
      date: '2024',
    });
    expect(e?.anchor?.tagName).toBe('CITE');
  });

  it('keeps a title’s own final punctuation: "?" and an ellipsis', () => {
    expect(detect(entry({ key: 'a/b/C1', title: 'Do Models Forget?' }))[0]?.paper.title).toBe('Do Models Forget?');
    expect(detect(entry({ key: 'a/b/C2', title: 'And Then...' }))[0]?.paper.title).toBe('And Then...');
  });

  it('ids: a CoRR key gives the arXiv id, an arXiv DOI too, else the DOI, else the dblp key', () => {
    const [corr] = detect(entry({ key: 'journals/corr/abs-2401-12345', type: 'informal', title: 'T.' }));
    expect(corr?.paper).toMatchObject({ id: '2401.12345', arxivId: '2401.12345' });
    const [arxivDoi] = detect(entry({ key: 'a/b/C', title: 'T.', ee: ['https://doi.org/10.48550/arXiv.2312.10997'] }));
    expect(arxivDoi?.paper).toMatchObject({ id: '2312.10997', doi: '10.48550/arxiv.2312.10997' });
    const [abs] = detect(entry({ key: 'a/b/D', title: 'T.', ee: ['https://arxiv.org/abs/2005.11401v4'] }));
    expect(abs?.paper.id).toBe('2005.11401');
    const [doi] = detect(entry({ key: 'a/b/E', title: 'T.', ee: ['https://doi.org/10.18653/V1/2024.ACL-LONG.1'] }));
    expect(doi?.paper).toMatchObject({ id: 'doi:10.18653/v1/2024.acl-long.1', doi: '10.18653/v1/2024.acl-long.1' });
  });

  it('takes a PDF edition as pdfUrl, and the venue with its punctuation', () => {
    const venue =
      '<a href="https://dblp.org/db/journals/tois/tois43.html"><span itemprop="isPartOf" itemscope><span itemprop="name">ACM Trans. Inf. Syst.</span></span> ' +
      '<span itemprop="isPartOf" itemscope><span itemprop="volumeNumber">43</span></span>(<span itemprop="isPartOf" itemscope>' +
      '<span itemprop="issueNumber">2</span></span>)</a>: <span itemprop="pagination">41:1-41:29</span>';
    const [e] = detect(
      entry({
        key: 'journals/tois/X25',
        type: 'article',
        title: 'T.',
        venue,
        ee: ['https://ceur-ws.org/Vol-1/p1.pdf'],
      }),
    );
    expect(e?.paper.venue).toBe('ACM Trans. Inf. Syst. 43(2)');
    expect(e?.paper.pdfUrl).toBe('https://ceur-ws.org/Vol-1/p1.pdf');
  });

  it('reads the date from the meta tag of tables of contents', () => {
    expect(detect(entry({ key: 'conf/at/S12', title: 'T.', date: '2012', dateAsMeta: true }))[0]?.paper.date).toBe(
      '2012',
    );
  });

  it('skips what is not a paper: editorships (proceedings volumes) and data artifacts', () => {
    const body =
      entry({ key: 'conf/iclr/2024', type: 'editor', title: 'Proceedings.' }) +
      entry({ key: 'data/10/X24', type: 'data', title: 'A Dataset.' }) +
      entry({ key: 'conf/iclr/A24', title: 'A Paper.' });
    expect(detect(body).map((e) => e.paper.id)).toEqual(['dblp:conf/iclr/A24']);
  });

  it('finds the key in the record link when the entry has no id, and one entry per paper', () => {
    const noId = entry({ title: 'T.' }).replace('x/y/Z.html"', 'conf/x/Y24.html"');
    expect(detect(noId)[0]?.paper.id).toBe('dblp:conf/x/Y24');
    const twice = entry({ key: 'a/b/C', title: 'T.' }) + entry({ key: 'a/b/C', title: 'T.' });
    expect(detect(twice)).toHaveLength(1);
  });

  it('accepts listings only: not venue indexes, not an empty search', () => {
    const ok = (u: string) => dblp.accepts?.(new URL(u)) ?? true;
    expect(ok('https://dblp.org/db/conf/iclr/iclr2024.html')).toBe(true);
    expect(ok('https://dblp.org/db/journals/corr/corr2401.html')).toBe(true);
    expect(ok('https://dblp.org/pid/s/CarlesSierra.html')).toBe(true);
    expect(ok('https://dblp.org/search?q=rag')).toBe(true);
    expect(ok('https://dblp.org/db/conf/iclr/index.html')).toBe(false);
    expect(ok('https://dblp.org/search')).toBe(false);
    expect(ok('https://dblp.org/db/about/team.html')).toBe(false);
  });
});

describe('dblp adapter on real markup', () => {
  // The beginning of a real table of contents (see tests/fixtures/excerpts/README.md): pretty-printed, the date
  // as <meta itemprop="datePublished">, a CEUR PDF as the only edition; the cut leaves the second entry without
  // its citation, which must be skipped rather than reported half-read.
  const url = 'https://dblp.org/db/conf/at/at2012.html';
  const html = readFileSync(join(FIXTURES_DIR, '../excerpts/dblp-at2012-first-16000-chars.html'), 'utf8');

  it('reads the first entry whole and skips the cut one', () => {
    const doc = parseHtml(html, url);
    const entries = dblp.detect(doc, new URL(url));
    expect(entries.map((e) => e.paper)).toEqual([
      {
        id: 'dblp:conf/at/Sierra12',
        source: 'dblp',
        url: 'https://dblp.org/rec/conf/at/Sierra12.html',
        title: 'Negotiation and Search',
        authors: ['Carles Sierra'],
        date: '2012',
        pdfUrl: 'https://ceur-ws.org/Vol-918/invited1.pdf',
      },
    ]);
    expect(dblp.accepts?.(new URL(url))).toBe(true);
  });
});
