import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../../lib/sites/find-adapter';
import { googleScholar } from '../../../lib/sites/google-scholar';
import { parseHtml } from '../../fixtures/parse';

const URL_ = 'https://scholar.google.com/scholar?hl=en&q=preference+optimization';

/** A result in today's layout, as Scholar writes it (no-break space before the byline's dashes). */
function result(cid: string, inner: string): string {
  return `<div class="gs_r gs_or gs_scl" data-cid="${cid}" data-did="${cid}" data-lid="" data-aid="${cid}" data-rp="0">${inner}</div>`;
}
const links = (cid: string, cites = '5331804836605365413', n = 12) =>
  `<div class="gs_fl gs_flb"><a href="javascript:void(0)" class="gs_or_sav">Save</a> <a href="/scholar?cites=${cites}&amp;as_sdt=2005&amp;sciodt=0,5&amp;hl=en">Cited by ${n}</a> <a href="/scholar?q=related:${cid}:scholar.google.com/&amp;scioq=x&amp;hl=en">Related articles</a></div>`;

function detect(body: string) {
  const doc = parseHtml(`<html><body><div id="gs_res_ccl_mid">${body}</div></body></html>`, URL_);
  return googleScholar.detect(doc, new URL(URL_));
}

describe('google-scholar adapter', () => {
  it('reads an arXiv title link, a byline with no-break spaces and an ellipsis, and the citation count', () => {
    const [entry] = detect(
      result(
        'AAAAAAAAAAAJ',
        `<div class="gs_ri"><h3 class="gs_rt"><a href="https://arxiv.org/abs/2305.18290v3">Direct preference optimization: Your language model is secretly a reward model</a></h3>` +
          `<div class="gs_a">R Rafailov, A Sharma, E Mitchell…\u00a0- Advances in neural …, 2023\u00a0- proceedings.neurips.cc</div>` +
          `<div class="gs_rs">While large-scale unsupervised language models (LMs) learn broad world knowledge …</div>${links('AAAAAAAAAAAJ', '111', 4021)}</div>`,
      ),
    );
    expect(entry?.paper).toEqual({
      id: '2305.18290',
      source: 'google-scholar',
      url: 'https://scholar.google.com/scholar?cluster=111',
      title: 'Direct preference optimization: Your language model is secretly a reward model',
      authors: ['R Rafailov', 'A Sharma', 'E Mitchell'],
      venue: 'Advances in neural …',
      date: '2023',
      arxivId: '2305.18290',
      signals: { citations: 4021 },
    });
    // The snippet is not the abstract: it is query-dependent and cut.
    expect(entry?.paper.abstract).toBeUndefined();
    expect(entry?.anchor?.tagName).toBe('H3');
  });

  it('takes the arXiv id from an "arXiv preprint arXiv:…" venue and from an arXiv DOI', () => {
    const entries = detect(
      result(
        'BBBBBBBBBBBJ',
        `<div class="gs_ri"><h3 class="gs_rt"><span class="gs_ctc"><span class="gs_ct1">[HTML]</span><span class="gs_ct2">[HTML]</span></span> <a href="https://example.org/x">Attention is all you need</a></h3><div class="gs_a">A Vaswani - arXiv preprint arXiv:1706.03762, 2017 - arxiv.org</div>${links('BBBBBBBBBBBJ', '222')}</div>`,
      ) +
        result(
          'CCCCCCCCCCCJ',
          `<div class="gs_ri"><h3 class="gs_rt"><a href="https://doi.org/10.48550/arXiv.2106.09685">LoRA</a></h3><div class="gs_a">EJ Hu - 2021</div>${links('CCCCCCCCCCCJ', '333')}</div>`,
        ),
    );
    expect(entries.map((e) => [e.paper.id, e.paper.title, e.paper.doi])).toEqual([
      ['1706.03762', 'Attention is all you need', undefined],
      ['2106.09685', 'LoRA', undefined],
    ]);
  });

  it('takes a DOI from the title link without its query string, and the [PDF] side link as the PDF', () => {
    const [entry] = detect(
      result(
        'DDDDDDDDDDDJ',
        `<div class="gs_ggs gs_fl"><div class="gs_ggsd"><div class="gs_or_ggsm"><a href="https://example.edu/paper.pdf"><span class="gs_ctg2">[PDF]</span> example.edu</a></div></div></div>` +
          `<div class="gs_ri"><h3 class="gs_rt"><span class="gs_ctu"><span class="gs_ct1">[BOOK]</span><span class="gs_ct2">[B]</span></span> <a href="https://link.springer.com/book/10.1007/978-0-387-84858-7?noAccess=true">The elements of statistical learning</a></h3><div class="gs_a">T Hastie, R Tibshirani, J Friedman - 2009 - Springer</div>${links('DDDDDDDDDDDJ', '444')}</div>`,
      ),
    );
    expect(entry?.paper).toMatchObject({
      id: 'doi:10.1007/978-0-387-84858-7',
      doi: '10.1007/978-0-387-84858-7',
      title: 'The elements of statistical learning',
      pdfUrl: 'https://example.edu/paper.pdf',
      date: '2009',
    });
    expect(entry?.paper.venue).toBeUndefined();
  });

  it('ignores blocks that are not results: author profiles, the cite dialog, the alert box', () => {
    const entries = detect(
      `<div class="gs_r"><h3 class="gs_rt"><a href="/citations?view_op=search_authors&amp;mauthors=x">User profiles for x</a></h3></div>` +
        `<div id="gs_cit" class="gs_md_d" data-cid="gs_citd"></div>` +
        `<div class="gs_r gs_alrt_btm"><a href="/scholar_alerts">Create alert</a></div>`,
    );
    expect(entries).toEqual([]);
  });

  it('falls back to the result id in the links when data-cid is gone, and skips a result with no id at all', () => {
    const entries = detect(
      `<div class="gs_r"><div class="gs_ri"><h3 class="gs_rt">A paper</h3><div class="gs_a">A Author - 2020</div><div class="gs_fl"><a onclick="return gs_ocit(event,'EEEEEEEEEEEJ','0')" href="#">Cite</a></div></div></div>` +
        `<div class="gs_r"><div class="gs_ri"><h3 class="gs_rt">No id</h3><div class="gs_a">B Author - 2020</div></div></div>`,
    );
    expect(entries.map((e) => e.paper.id)).toEqual(['google-scholar:EEEEEEEEEEEJ']);
    expect(entries[0]?.paper.url).toBe('https://scholar.google.com/scholar?q=info:EEEEEEEEEEEJ:scholar.google.com/');
  });

  it('accepts result pages on country hosts and nothing else under /scholar*', () => {
    expect(findAdapter('https://scholar.google.co.uk/scholar?q=x')?.id).toBe('google-scholar');
    expect(findAdapter('https://scholar.google.com/scholar_settings?hl=en')).toBeNull();
    expect(findAdapter('https://scholar.google.com/citations?user=abc')).toBeNull();
  });

  it('estimates the count from the distinct related: ids', () => {
    const html = `<html><body>${[1, 2, 3].map((i) => links(`ID${i}`)).join('')}${links('ID1')}</body></html>`;
    expect(googleScholar.expectedCount?.(parseHtml(html, URL_), new URL(URL_))).toBe(3);
  });
});
