import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../../lib/sites/find-adapter';
import { neurips } from '../../../lib/sites/neurips';
import { parseHtml } from '../../fixtures/parse';

const H1 = '0123456789abcdef0123456789abcdef';
const H2 = 'fedcba9876543210fedcba9876543210';

function detect(url: string, body: string, head = '') {
  return neurips.detect(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`, url), new URL(url));
}

describe('neurips adapter', () => {
  it('reads both list markups: li > a + i, and li > div.paper-content > a + span.paper-authors with a badge', () => {
    const old = detect(
      'https://papers.nips.cc/paper_files/paper/2022',
      `<ul class="paper-list"><li class="datasets_and_benchmarks"><a title="paper title" href="/paper_files/paper/2022/hash/${H1}-Abstract-Datasets_and_Benchmarks.html">A benchmark</a> <i>Ada Lovelace, Alan Turing</i></li></ul>`,
    );
    expect(old[0]?.paper).toEqual({
      id: `neurips:${H1}`,
      source: 'neurips',
      url: `https://papers.nips.cc/paper_files/paper/2022/hash/${H1}-Abstract-Datasets_and_Benchmarks.html`,
      title: 'A benchmark',
      authors: ['Ada Lovelace', 'Alan Turing'],
      venue: 'NeurIPS 2022 Datasets and Benchmarks Track',
      date: '2022',
    });
    const current = detect(
      'https://proceedings.neurips.cc/paper_files/paper/2025',
      `<ul class="paper-list"><li class="conference" data-track="conference"><div class="paper-content"><a title="paper title" href="/paper_files/paper/2025/hash/${H2}-Abstract-Conference.html">$k$-Means, again</a><span class="paper-authors">Grace Hopper</span></div><span class="paper-track-badge">Main Conference Track</span></li></ul>`,
    );
    expect(current[0]?.paper).toMatchObject({
      title: 'k-Means, again',
      authors: ['Grace Hopper'],
      venue: 'NeurIPS 2025',
    });
    expect(current[0]?.anchor?.tagName).toBe('A');
  });

  it('reads pre-2022 links (-Abstract.html) and lists whose class changed', () => {
    const entries = detect(
      'https://papers.nips.cc/paper_files/paper/2017',
      `<ul><li><a href="/paper_files/paper/2017/hash/${H1}-Abstract.html">Attention is All you Need</a> <i>Ashish Vaswani</i></li></ul>`,
    );
    expect(entries.map((e) => [e.paper.id, e.paper.venue])).toEqual([[`neurips:${H1}`, 'NeurIPS 2017']]);
  });

  it('reads an abstract page: track after the volume link, authors from the meta tags when the heading is missing', () => {
    const url = `https://papers.nips.cc/paper_files/paper/2024/hash/${H2}-Abstract-Datasets_and_Benchmarks_Track.html`;
    const [entry] = detect(
      url,
      `<div class="container-fluid"><div class="col p-3"><h4>A dataset</h4><p>Part of <a href="/paper_files/paper/2024">Advances in Neural Information Processing Systems 37  (NeurIPS 2024)</a> Datasets and Benchmarks Track</p><h4>Abstract</h4><p class="paper-abstract"><p>We release data.</p></p></div></div>`,
      '<meta name="citation_title" content="A dataset"><meta name="citation_author" content="Lovelace, Ada"><meta name="citation_publication_date" content="2024">',
    );
    expect(entry?.paper).toEqual({
      id: `neurips:${H2}`,
      source: 'neurips',
      url,
      title: 'A dataset',
      authors: ['Ada Lovelace'],
      abstract: 'We release data.',
      venue: 'NeurIPS 2024 Datasets and Benchmarks Track',
      date: '2024',
    });
  });

  it('accepts year listings and abstract pages, not the files', () => {
    expect(findAdapter('https://papers.nips.cc/paper_files/paper/2023/')?.id).toBe('neurips');
    expect(findAdapter(`https://papers.nips.cc/paper_files/paper/2023/file/${H1}-Paper-Conference.pdf`)).toBeNull();
    expect(findAdapter('https://papers.nips.cc/')).toBeNull();
  });

  it('estimates the count from the distinct hashes in abstract links', () => {
    const url = 'https://papers.nips.cc/paper_files/paper/2023';
    const doc = parseHtml(
      `<html><body><a href="/paper_files/paper/2023/hash/${H1}-Abstract-Conference.html">x</a><a href="/paper_files/paper/2023/hash/${H1}-Abstract-Conference.html">x</a><a href="/paper_files/paper/2023/hash/${H2}-Abstract-Conference.html">y</a></body></html>`,
      url,
    );
    expect(neurips.expectedCount?.(doc, new URL(url))).toBe(2);
  });
});
