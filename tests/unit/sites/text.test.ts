import { describe, expect, it } from 'vitest';
import {
  canonicalId,
  isoDate,
  normalizeSpace,
  normalizeTitle,
  parseArxivId,
  parseCount,
  parseDoi,
} from '../../../lib/sites/text';

describe('parseArxivId', () => {
  it.each([
    ['/abs/2505.00001', '2505.00001'],
    ['arXiv:2505.00001v2', '2505.00001'],
    ['https://arxiv.org/pdf/1902.02534v3', '1902.02534'],
    ['/papers/2609.31620', '2609.31620'],
    ['0704.0001', '0704.0001'],
    ['/abs/hep-th/9901001v1', 'hep-th/9901001'],
    ['/abs/Math.AG/0601001', 'math.ag/0601001'],
  ])('%s → %s', (input, id) => {
    expect(parseArxivId(input)).toBe(id);
  });

  it.each(['', '/papers/trending', '12345.678901', 'version 1.2.3'])('rejects %j', (input) => {
    expect(parseArxivId(input)).toBeNull();
  });
});

describe('normalizeSpace', () => {
  it('collapses the markup’s line breaks and indentation', () => {
    expect(normalizeSpace('\n   Rosetta-PL:\n   Propositional   Logic\t')).toBe('Rosetta-PL: Propositional Logic');
    expect(normalizeSpace(null)).toBe('');
  });
});

describe('normalizeTitle', () => {
  it.each([
    ['  Title:\n  Rosetta-PL:  Propositional Logic ', 'Rosetta-PL: Propositional Logic'],
    ['On the \\emph{Curse} of {BERT} Depth', 'On the Curse of BERT Depth'],
    ['Learning $\\alpha$-divergences -- a survey', 'Learning \\alpha-divergences \u2013 a survey'],
    ['Sch\\"olkopf kernels', 'Schölkopf kernels'],
    ['Plain title, untouched: 100% (v2)', 'Plain title, untouched: 100% (v2)'],
  ])('%j → %j', (raw, title) => {
    expect(normalizeTitle(raw)).toBe(title);
  });
});

describe('parseDoi and canonicalId', () => {
  it('finds a DOI in a link and lower-cases it', () => {
    expect(parseDoi('https://doi.org/10.18653/v1/2021.NAACL-main.208')).toBe('10.18653/v1/2021.naacl-main.208');
    expect(parseDoi('no doi here')).toBeNull();
  });

  it('prefers the arXiv id, then the DOI, then the site id', () => {
    expect(canonicalId({ arxivId: '2505.00001', doi: '10.1/x', site: 's', siteId: '1' })).toBe('2505.00001');
    expect(canonicalId({ doi: '10.1/x', site: 's', siteId: '1' })).toBe('doi:10.1/x');
    expect(canonicalId({ site: 'openreview', siteId: 'AbC' })).toBe('openreview:AbC');
  });
});

describe('isoDate and parseCount', () => {
  it.each([
    ['Submitted on Mon, 5 May 2025', '2025-05-05'],
    ['Submitted 21 February, 2026', '2026-02-21'],
    ['May 2025', '2025-05'],
    ['Published: 2024/12/10', '2024-12-10'],
    ['2026-09-28T00:00:00.000Z', '2026-09-28'],
    ['NeurIPS 2023', '2023'],
  ])('%j → %j', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  it('reads counts as shown', () => {
    expect(parseCount(' 1,234 ')).toBe(1234);
    expect(parseCount('12k')).toBe(12000);
    expect(parseCount('none')).toBeUndefined();
  });
});
