import { describe, expect, it } from 'vitest';
import { cvf } from '../../../lib/sites/cvf';
import { findAdapter } from '../../../lib/sites/find-adapter';
import { parseHtml } from '../../fixtures/parse';

function detect(url: string, body: string, head = '') {
  return cvf.detect(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`, url), new URL(url));
}

describe('cvf adapter', () => {
  it('reads the pre-2020 listing (content_cvpr_2018 links, names only in the links) with dt + dd parts', () => {
    const url = 'https://openaccess.thecvf.com/CVPR2018';
    const entries = detect(
      url,
      `<dl><dt class="ptitle"><br><a href="content_cvpr_2018/html/Das_Embodied_Question_Answering_CVPR_2018_paper.html">Embodied Question Answering</a></dt><dd><form class="authsearch"><a href="#">Abhishek Das</a>,</form><form class="authsearch"><a href="#">Samyak Datta</a></form></dd><dd>[<a href="content_cvpr_2018/papers/Das_Embodied_Question_Answering_CVPR_2018_paper.pdf">pdf</a>]</dd></dl>`,
    );
    expect(entries[0]?.paper).toEqual({
      id: 'cvf:Das_Embodied_Question_Answering_CVPR_2018',
      source: 'cvf',
      url: 'https://openaccess.thecvf.com/content_cvpr_2018/html/Das_Embodied_Question_Answering_CVPR_2018_paper.html',
      title: 'Embodied Question Answering',
      authors: ['Abhishek Das', 'Samyak Datta'],
      venue: 'CVPR 2018',
      date: '2018',
      pdfUrl:
        'https://openaccess.thecvf.com/content_cvpr_2018/papers/Das_Embodied_Question_Answering_CVPR_2018_paper.pdf',
    });
    expect(entries[0]?.root.tagName).toBe('DT');
    expect(entries[0]?.parts?.map((p) => p.tagName)).toEqual(['DT', 'DD', 'DD']);
  });

  it('names workshop papers after their conference and takes the arXiv id when the listing links one', () => {
    const url = 'https://openaccess.thecvf.com/CVPR2024_workshops/ABAW';
    const [entry] = detect(
      url,
      `<dl><dt class="ptitle"><br><a href="/content/CVPR2024W/ABAW/html/Kim_A_Workshop_Paper_CVPRW_2024_paper.html">A Workshop Paper</a></dt><dd><form class="authsearch"><input type="hidden" name="query_author" value="Jane Kim"><a href="#">Jane Kim</a></form></dd><dd>[<a href="http://arxiv.org/abs/2404.00001">arXiv</a>]</dd></dl>`,
    );
    expect(entry?.paper).toMatchObject({ id: '2404.00001', venue: 'CVPR 2024 Workshops', authors: ['Jane Kim'] });
  });

  it('reads a paper page, falling back to the meta tags for the authors', () => {
    const url = 'https://openaccess.thecvf.com/content/WACV2024/html/Doe_A_Paper_WACV_2024_paper.html';
    const [entry] = detect(
      url,
      '<div id="content"><dl><dd><div id="papertitle">A Paper</div><div id="abstract">An abstract.</div></dd></dl></div>',
      '<meta name="citation_title" content="A Paper"><meta name="citation_author" content="Doe, Jane"><meta name="citation_publication_date" content="2024">',
    );
    expect(entry?.paper).toMatchObject({
      id: 'cvf:Doe_A_Paper_WACV_2024',
      authors: ['Jane Doe'],
      abstract: 'An abstract.',
      venue: 'WACV 2024',
      date: '2024',
    });
    expect(entry?.anchor?.id).toBe('papertitle');
  });

  it.each([
    ['https://openaccess.thecvf.com/CVPR2024?day=all', true],
    ['https://openaccess.thecvf.com/CVPR2024?day=2024-06-19', true],
    ['https://openaccess.thecvf.com/CVPR2024', false],
    ['https://openaccess.thecvf.com/ICCV2023', false],
    ['https://openaccess.thecvf.com/WACV2024', true],
    ['https://openaccess.thecvf.com/CVPR2017', true],
    ['https://openaccess.thecvf.com/CVPR2024_workshops/menu', false],
    ['https://openaccess.thecvf.com/CVPR2024_workshops/ABAW', true],
    ['https://openaccess.thecvf.com/content/CVPR2024/papers/X_CVPR_2024_paper.pdf', false],
    ['https://openaccess.thecvf.com/menu', false],
  ])('accepts %s: %s (only pages that list papers)', (url, accepted) => {
    expect(findAdapter(url)?.id === 'cvf').toBe(accepted);
  });
});
