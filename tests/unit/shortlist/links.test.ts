import { describe, expect, it } from 'vitest';
import { linkHost, paperLinks } from '../../../lib/shortlist/links';

describe('shortlist links', () => {
  it('opens an arXiv paper on arXiv and Hugging Face; its arXiv page is the arXiv link', () => {
    expect(paperLinks({ id: '2405.01234', url: 'https://arxiv.org/abs/2405.01234', arxivId: '2405.01234' })).toEqual({
      arxiv: 'https://arxiv.org/abs/2405.01234',
      huggingface: 'https://huggingface.co/papers/2405.01234',
    });
    expect(paperLinks({ id: 'hep-th/9901001', url: 'https://huggingface.co/papers/x' })).toEqual({
      arxiv: 'https://arxiv.org/abs/hep-th/9901001',
      huggingface: 'https://huggingface.co/papers/hep-th/9901001',
    });
  });

  it('adds the page it was saved from on another site', () => {
    expect(paperLinks({ id: 'doi:10.1/x', url: 'https://openreview.net/forum?id=AbC', arxivId: '2405.01234' })).toEqual(
      {
        arxiv: 'https://arxiv.org/abs/2405.01234',
        huggingface: 'https://huggingface.co/papers/2405.01234',
        site: 'https://openreview.net/forum?id=AbC',
      },
    );
    expect(paperLinks({ id: 'acl:2021.naacl-main.208', url: 'https://aclanthology.org/2021.naacl-main.208/' })).toEqual(
      {
        site: 'https://aclanthology.org/2021.naacl-main.208/',
      },
    );
    expect(linkHost('https://www.openreview.net/forum')).toBe('openreview.net');
  });

  it('never links a script or a malformed id', () => {
    expect(paperLinks({ id: 'x:1', url: 'javascript:alert(1)' })).toEqual({});
    expect(paperLinks({ id: 'x:1', url: 'not a url', arxivId: '../../evil' })).toEqual({});
  });
});
