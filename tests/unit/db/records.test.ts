import { describe, expect, it } from 'vitest';
import { mergePapers, mergeRecords, newRecord, normalizeTags, paperKeys, preferredId } from '../../../lib/db/records';
import { arxivPaper } from './fixtures';

describe('records (pure)', () => {
  it('a paper is known by its id, its arXiv id (without version) and its DOI', () => {
    expect(paperKeys({ id: 'acl:2021.x', arxivId: '2101.00001v3', doi: '10.18653/V1/X' })).toEqual([
      'acl:2021.x',
      '2101.00001',
      'doi:10.18653/v1/x',
    ]);
  });

  it('prefers an arXiv id, then a DOI, then the id it has', () => {
    expect(preferredId(['acl:x', 'doi:10.1/a', 'hep-th/9901001'], 'acl:x')).toBe('hep-th/9901001');
    expect(preferredId(['acl:x', 'doi:10.1/a'], 'acl:x')).toBe('doi:10.1/a');
    expect(preferredId(['acl:x', 'openreview:y'], 'openreview:y')).toBe('openreview:y');
  });

  it('normalises tags: trimmed, single-spaced, no case-insensitive repeats, at most 50 of 60 characters', () => {
    expect(normalizeTags([' a  b ', 'A B', '', '  ', 'x'.repeat(70)])).toEqual(['a b', 'x'.repeat(60)]);
    expect(normalizeTags(Array.from({ length: 80 }, (_, i) => `t${i}`))).toHaveLength(50);
  });

  it('merges papers: the first wins, gaps are filled, the longer authors and abstract and the finer date win', () => {
    const a = arxivPaper(1, { authors: ['A'], abstract: 'short', date: '2024', categories: ['cs.CL'] });
    const b = arxivPaper(1, {
      title: 'Other',
      authors: ['A', 'B'],
      abstract: 'longer text',
      date: '2024-05',
      categories: ['cs.LG'],
      venue: 'ACL',
    });
    expect(mergePapers(a, b)).toEqual({
      ...a,
      authors: ['A', 'B'],
      abstract: 'longer text',
      date: '2024-05',
      categories: ['cs.CL', 'cs.LG'],
      venue: 'ACL',
    });
  });

  it('merging two records keeps both notes when neither holds the other, and the earliest save', () => {
    const a = { ...newRecord(arxivPaper(1), { tags: ['x'] }, 10), note: 'first thought', updatedAt: 10 };
    const b = {
      ...newRecord(arxivPaper(1), { tags: ['y'] }, 5),
      note: 'second thought',
      readState: 'read' as const,
      updatedAt: 20,
    };
    const merged = mergeRecords(a, b, 'newer');
    expect(merged).toMatchObject({
      note: 'second thought\n\nfirst thought',
      readState: 'read',
      tags: ['y', 'x'],
      savedAt: 5,
      updatedAt: 20,
    });
    expect(mergeRecords(a, { ...b, note: 'first thought, and more' }, 'newer').note).toBe('first thought, and more');
    expect(mergeRecords(a, b, 'first')).toMatchObject({ note: 'first thought\n\nsecond thought', readState: 'unread' });
  });
});
