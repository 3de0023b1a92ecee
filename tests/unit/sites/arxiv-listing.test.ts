// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { arxivListing } from '../../../lib/sites/arxiv-listing';
import { loadCapture } from '../helpers';

const FILE = 'arxiv/list-cs.CL-2025-05-show50.html';
const URL_ = new URL('https://arxiv.org/list/cs.CL/2025-05?skip=0&show=50');

describe('arxiv-listing on the captured monthly listing', () => {
  it('finds all 50 papers with id, title, authors and categories', () => {
    const entries = arxivListing.detect(loadCapture(FILE), URL_);
    expect(entries).toHaveLength(50);
    expect(new Set(entries.map((e) => e.paper.id)).size).toBe(50);
    const first = entries[0]!;
    expect(first.paper).toEqual({
      id: '2505.00001',
      source: 'arxiv-listing',
      url: 'https://arxiv.org/abs/2505.00001',
      title: 'Rosetta-PL: Propositional Logic as a Benchmark for Large Language Model Reasoning',
      authors: [
        'Shaun Baek',
        'Shaun Esua-Mensah',
        'Cyrus Tsui',
        'Sejan Vigneswaralingam',
        'Abdullah Alali',
        'Michael Lu',
        'Vasu Sharma',
        "Sean O'Brien",
        'Kevin Zhu',
      ],
      categories: ['cs.CL'],
    });
    expect(first.root.tagName).toBe('DD');
  });

  it('finds nothing on an unrelated page', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.textContent = 'No listing';
    expect(arxivListing.detect(doc, URL_)).toEqual([]);
  });
});
