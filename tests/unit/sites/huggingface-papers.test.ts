// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { huggingfacePapers } from '../../../lib/sites/huggingface-papers';
import { loadCapture } from '../helpers';

const FILE = 'huggingface/papers-daily-2026-09-28.html';
const URL_ = new URL('https://huggingface.co/papers');

describe('huggingface-papers on the captured daily page', () => {
  it('finds all 28 papers, in page order, with complete fields from the embedded data', () => {
    const entries = huggingfacePapers.detect(loadCapture(FILE), URL_);
    expect(entries).toHaveLength(28);
    expect(entries[0]?.paper.id).toBe('2609.31620');
    expect(entries.at(-1)?.paper.id).toBe('2604.02103');
    const first = entries[0]!.paper;
    expect(first.title).toBe(
      'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
    );
    expect(first.url).toBe('https://huggingface.co/papers/2609.31620');
    // The card shows five avatars; the embedded data lists all sixteen authors.
    expect(first.authors).toHaveLength(16);
    expect(first.authors[0]).toBe('Hongyang Du');
    expect(first.authors.at(-1)).toBe('Yue Wang');
    expect(first.abstract?.length).toBeGreaterThan(200);
    expect(entries.every((e) => e.root.tagName === 'ARTICLE')).toBe(true);
  });

  it('falls back to the rendered cards when the embedded data is missing or malformed', () => {
    for (const mutate of [
      (doc: Document) => doc.querySelector('[data-target="DailyPapers"]')?.removeAttribute('data-props'),
      (doc: Document) => doc.querySelector('[data-target="DailyPapers"]')?.setAttribute('data-props', '{"dailyPap'),
    ]) {
      const doc = loadCapture(FILE);
      mutate(doc);
      const entries = huggingfacePapers.detect(doc, URL_);
      expect(entries).toHaveLength(28);
      expect(entries[2]?.paper.title).toBe('Block Sparse Attention with Log-Linear Complexity');
      expect(entries[2]?.paper.abstract).toBeUndefined();
      // Cards show up to five author avatars (titled with the name), and some none at all.
      expect(entries[3]?.paper.authors).toContain('Kaiwen Song');
      expect(entries[2]?.paper.authors).toEqual([]);
    }
  });

  it('does not change the page', () => {
    const doc = loadCapture(FILE);
    const before = doc.documentElement.outerHTML;
    huggingfacePapers.detect(doc, URL_);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('finds nothing on an unrelated page', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.textContent = 'Nothing here';
    expect(huggingfacePapers.detect(doc, URL_)).toEqual([]);
  });
});
