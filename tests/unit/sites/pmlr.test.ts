import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../../lib/sites/find-adapter';
import { pmlr } from '../../../lib/sites/pmlr';
import { parseHtml } from '../../fixtures/parse';

const VOLUME = 'https://proceedings.mlr.press/v202/';

function paper(key: string, extraLinks = '', details = 'details'): string {
  return `<div class="paper"><p class="title">A paper called ${key}</p><p class="${details}"><span class="authors">Ada&nbsp;Lovelace,&nbsp;Alan&nbsp;M.&nbsp;Turing</span>; <span class="info">Proceedings of the 40th International Conference on Machine Learning, PMLR 202:1-12</span></p><p class="links">[<a href="https://proceedings.mlr.press/v202/${key}.html">abs</a>][<a href="https://proceedings.mlr.press/v202/${key}/${key}.pdf">Download PDF</a>]${extraLinks}</p></div>`;
}

function detectVolume(body: string) {
  const html = `<html><body><h2>Volume 202: International Conference on Machine Learning, 23-29 July 2023, Honolulu, Hawaii, USA</h2>${body}</body></html>`;
  return pmlr.detect(parseHtml(html, VOLUME), new URL(VOLUME));
}

describe('pmlr adapter', () => {
  it('reads a volume entry: key id, names joined by no-break spaces, venue from the info line, year from the heading', () => {
    const [entry] = detectVolume(paper('lovelace23a'));
    expect(entry?.paper).toEqual({
      id: 'pmlr:v202/lovelace23a',
      source: 'pmlr',
      url: 'https://proceedings.mlr.press/v202/lovelace23a.html',
      title: 'A paper called lovelace23a',
      authors: ['Ada Lovelace', 'Alan M. Turing'],
      venue: 'Proceedings of the 40th International Conference on Machine Learning',
      date: '2023',
      pdfUrl: 'https://proceedings.mlr.press/v202/lovelace23a/lovelace23a.pdf',
    });
  });

  it('prefers an arXiv id or a DOI the entry links to, and never takes the supplement as the PDF', () => {
    const entries = detectVolume(
      paper('a23a', '[<a href="https://arxiv.org/abs/2301.00001v2">arXiv</a>]') +
        paper('b23a', '[<a href="https://doi.org/10.1234/ABC.5">DOI</a>]') +
        `<div class="paper"><p class="title">Supp first</p><p class="links">[<a href="/v202/c23a.html">abs</a>][<a href="/v202/c23a/c23a-supp.pdf">Supplementary PDF</a>][<a href="/v202/c23a/c23a.pdf">Download PDF</a>]</p></div>`,
    );
    expect(entries.map((e) => [e.paper.id, e.paper.pdfUrl])).toEqual([
      ['2301.00001', 'https://proceedings.mlr.press/v202/a23a/a23a.pdf'],
      ['doi:10.1234/abc.5', 'https://proceedings.mlr.press/v202/b23a/b23a.pdf'],
      ['pmlr:v202/c23a', 'https://proceedings.mlr.press/v202/c23a/c23a.pdf'],
    ]);
  });

  it('still finds title and links when the paragraph classes change, and skips entries without an abs link', () => {
    const changed = paper('d23a', '', 'meta').replace('class="links"', 'class="actions"');
    const entries = detectVolume(changed + '<div class="paper"><p class="title">No link</p></div>');
    expect(entries.map((e) => e.paper.id)).toEqual(['pmlr:v202/d23a']);
    expect(entries[0]?.paper.authors).toEqual([]);
  });

  it('reads a paper page from its meta tags, falling back to them for the authors', () => {
    const url = 'https://proceedings.mlr.press/v202/kirchenbauer23a.html';
    const html = `<html><head><meta name="citation_title" content="A Watermark for Large Language Models"><meta name="citation_author" content="Kirchenbauer, John"><meta name="citation_author" content="Geiping, Jonas"><meta name="citation_publication_date" content="2023/07/03"><meta name="citation_conference_title" content="Proceedings of the 40th International Conference on Machine Learning"><meta name="citation_doi" content="10.5555/Example"></head><body><article><h1>A Watermark for Large Language Models</h1><div id="abstract">Potential harms of large language models can be mitigated by watermarking.</div></article></body></html>`;
    const [entry] = pmlr.detect(parseHtml(html, url), new URL(url));
    expect(entry?.paper).toMatchObject({
      id: 'doi:10.5555/example',
      title: 'A Watermark for Large Language Models',
      authors: ['John Kirchenbauer', 'Jonas Geiping'],
      date: '2023-07-03',
      abstract: 'Potential harms of large language models can be mitigated by watermarking.',
    });
    expect(entry?.root.tagName).toBe('ARTICLE');
    expect(entry?.anchor?.tagName).toBe('H1');
  });

  it('accepts volume indexes, paper pages and reissues, not PDFs or assets', () => {
    expect(findAdapter('https://proceedings.mlr.press/v235')?.id).toBe('pmlr');
    expect(findAdapter('https://proceedings.mlr.press/r12/')?.id).toBe('pmlr');
    expect(findAdapter('https://proceedings.mlr.press/v235/abe24a/abe24a.pdf')).toBeNull();
    expect(findAdapter('https://proceedings.mlr.press/v235/assets/bib/bibliography.bib')).toBeNull();
  });

  it('estimates the count from the distinct abs links', () => {
    const doc = parseHtml(`<html><body>${paper('e23a')}${paper('f23a')}${paper('e23a')}</body></html>`, VOLUME);
    expect(pmlr.expectedCount?.(doc, new URL(VOLUME))).toBe(2);
  });
});
