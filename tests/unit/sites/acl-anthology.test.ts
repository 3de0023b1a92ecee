import { describe, expect, it } from 'vitest';
import { aclAnthology } from '../../../lib/sites/acl-anthology';
import { parseHtml } from '../../fixtures/parse';

/** A listing row: `<div>` since the 2025 redesign, `<p>` before; an abstract card after it when given. */
function row(
  id: string,
  title: string,
  authors: string[],
  opts: { tag?: 'p' | 'div'; abstract?: string } = {},
): string {
  const tag = opts.tag ?? 'div';
  const people = authors.map((a) => `<a href=/people/${a.toLowerCase().replace(/ /g, '-')}/>${a}</a>`).join('\n|\n');
  const card = opts.abstract
    ? `<div class="card bg-light mb-2 collapse abstract-collapse" id=abstract-${id.replace(/\./g, '--')}><div class="card-body p-3 small">${opts.abstract}</div></div>`
    : '';
  return (
    `<${tag} class="d-sm-flex align-items-stretch mb-3"><span class="d-block me-2 list-button-row">` +
    `<a class="badge text-bg-primary align-middle me-1" href=https://aclanthology.org/${id}.pdf>pdf</a></span>` +
    `<span class=d-block><strong><a class=align-middle href=/${id}/>${title}</a></strong><br>${people}</span></${tag}>${card}`
  );
}

function detect(html: string, url: string) {
  return aclAnthology.detect(
    parseHtml(`<html><body><section id=main>${html}</section></body></html>`, url),
    new URL(url),
  );
}

describe('acl-anthology adapter', () => {
  const VOLUME = 'https://aclanthology.org/volumes/2024.insights-1/';

  it('reads a volume page: volume title and date for every row, abstracts, no front matter', () => {
    const html =
      '<h2 id=title><a href=https://aclanthology.org/2024.insights-1.pdf>Proceedings of Insights</a></h2>' +
      '<div class="row acl-paper-details"><dl><dt>Month:</dt><dd>June</dd><dt>Year:</dt><dd>2024</dd></dl></div>' +
      row('2024.insights-1.0', 'Proceedings of Insights', ['Ed Itor']) +
      row('2024.insights-1.1', 'A <span class=acl-fixed-case>BERT</span> Study', ['Ann Lee', 'Bo Chen'], {
        abstract: 'We study.',
      });
    const entries = detect(html, VOLUME);
    expect(entries.map((e) => e.paper)).toEqual([
      {
        id: 'acl:2024.insights-1.1',
        source: 'acl-anthology',
        url: 'https://aclanthology.org/2024.insights-1.1/',
        title: 'A BERT Study',
        authors: ['Ann Lee', 'Bo Chen'],
        abstract: 'We study.',
        venue: 'Proceedings of Insights',
        date: '2024-06',
        pdfUrl: 'https://aclanthology.org/2024.insights-1.1.pdf',
      },
    ]);
    expect(entries[0]?.anchor?.tagName).toBe('STRONG');
  });

  it('reads the pre-2025 rows (p.d-sm-flex) as well as today’s divs', () => {
    const html =
      row('W19-4201', 'Old Row', ['Ann Lee'], { tag: 'p', abstract: 'Old abstract.' }) +
      row('2025.acl-long.2', 'New Row', ['Bo Chen']);
    const entries = detect(html, VOLUME);
    expect(entries.map((e) => [e.paper.id, e.root.tagName, e.paper.abstract])).toEqual([
      ['acl:W19-4201', 'P', 'Old abstract.'],
      ['acl:2025.acl-long.2', 'DIV', undefined],
    ]);
  });

  it('skips front matter in new and old ids (workshops number papers in two digits)', () => {
    const html = ['2021.naacl-main.0', 'N04-1000', 'W19-4200', 'W19-4210', 'P19-1100']
      .map((id) => row(id, `Paper ${id}`, ['A B']))
      .join('');
    expect(detect(html, VOLUME).map((e) => e.paper.id)).toEqual(['acl:W19-4210', 'acl:P19-1100']);
  });

  it('on event pages, each row takes the volume of its section, not the bib or pdf badge of the heading', () => {
    const url = 'https://aclanthology.org/events/inlg-2024/';
    const section = (vid: string, title: string, rows: string) =>
      `<div id=${vid.replace('.', '')}><h4 class="d-sm-flex pb-2 border-bottom"><span class="d-block me-2 list-button-row">` +
      `<a class="badge text-bg-primary align-middle me-1" href=https://aclanthology.org/${vid}.pdf>pdf&nbsp;(full)</a>` +
      `<a class="badge text-bg-secondary align-middle me-1" href=/volumes/${vid}.bib>bib&nbsp;(full)</a></span>` +
      `<a class=align-middle href=/volumes/${vid}/>${title}</a></h4>${rows}</div>`;
    const html =
      '<h2 id=title>International Natural Language Generation Conference (2024)</h2>' +
      section('2024.inlg-main', 'Main Volume', row('2024.inlg-main.1', 'P1', ['A B'])) +
      section('2024.inlg-demos', 'Demos', row('2024.inlg-demos.1', 'P2', ['C D']));
    expect(detect(html, url).map((e) => [e.paper.id, e.paper.venue, e.paper.date])).toEqual([
      ['acl:2024.inlg-main.1', 'Main Volume', '2024'],
      ['acl:2024.inlg-demos.1', 'Demos', '2024'],
    ]);
  });

  it('on a paper page without the details list, falls back to the citation_* meta tags', () => {
    const url = 'https://aclanthology.org/2023.findings-emnlp.725/';
    const doc = parseHtml(
      '<html><head><meta content="Meta Title" name=citation_title><meta content="Ann Lee" name=citation_author>' +
        '<meta content="2023/12" name=citation_publication_date><meta content="10.18653/v1/2023.findings-emnlp.725" name=citation_doi>' +
        '<meta content="Findings of EMNLP 2023" name=citation_conference_title></head>' +
        '<body><section id=main><div><h2 id=title>Shown Title</h2></div></section></body></html>',
      url,
    );
    expect(aclAnthology.detect(doc, new URL(url))[0]?.paper).toEqual({
      id: 'doi:10.18653/v1/2023.findings-emnlp.725',
      source: 'acl-anthology',
      url,
      title: 'Shown Title',
      authors: ['Ann Lee'],
      venue: 'Findings of EMNLP 2023',
      date: '2023-12',
      doi: '10.18653/v1/2023.findings-emnlp.725',
    });
  });

  it('accepts volumes, events, author pages and paper pages; not venue pages nor the author index', () => {
    const ok = (u: string) => aclAnthology.accepts?.(new URL(u)) ?? true;
    for (const u of [
      'https://aclanthology.org/volumes/W19-42/',
      'https://aclanthology.org/events/acl-2024/',
      'https://aclanthology.org/people/bo-pan/',
      'https://aclanthology.org/people/hongbo-zhang/unverified/',
      'https://aclanthology.org/W19-4201/',
      'https://aclanthology.org/2024.findings-acl.5',
    ])
      expect(ok(u), u).toBe(true);
    for (const u of [
      'https://aclanthology.org/',
      'https://aclanthology.org/venues/acl/',
      'https://aclanthology.org/people/',
      'https://aclanthology.org/people/a/',
      'https://aclanthology.org/faq/',
      'https://aclanthology.org/2021.naacl-main.208.pdf',
    ])
      expect(ok(u), u).toBe(false);
  });
});
