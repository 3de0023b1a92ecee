import { describe, expect, it } from 'vitest';
import { normalizeSpace, parseArxivId } from '../../../lib/sites/text';

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
