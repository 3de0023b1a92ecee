import { describe, expect, it } from 'vitest';
import {
  applyView,
  facetsOf,
  parseTagFilter,
  passesFilters,
  sortSummaries,
  tagFilterValue,
} from '../../../lib/shortlist/view';
import { summary } from './fixtures';

const papers = [
  summary(1, {}, { score: 50, tags: ['To read'], interestTags: ['RLHF'], sites: ['arxiv'] }),
  summary(2, { source: 'huggingface' }, { score: 90, readState: 'read', sites: ['huggingface', 'arxiv'] }),
  summary(3, {}, { score: 50, tags: ['robotics', 'to read'], sites: ['openreview'] }),
];
const ids = (list: { id: string }[]) => list.map((s) => s.id.slice(-1));

describe('shortlist view: order and filters', () => {
  it('orders newest first, oldest first, or by score (ties newest first)', () => {
    expect(ids(sortSummaries(papers, 'newest'))).toEqual(['3', '2', '1']);
    expect(ids(sortSummaries(papers, 'oldest'))).toEqual(['1', '2', '3']);
    expect(ids(sortSummaries(papers, 'score'))).toEqual(['2', '3', '1']);
    // A copy: the input keeps its order.
    expect(ids(papers)).toEqual(['1', '2', '3']);
  });

  it('filters by the user’s tag (any case), interest, site, read state and search matches, all together', () => {
    expect(ids(applyView(papers, { order: 'newest', tag: { kind: 'tag', name: 'to read' } }))).toEqual(['3', '1']);
    expect(ids(applyView(papers, { order: 'newest', tag: { kind: 'interest', name: 'rlhf' } }))).toEqual(['1']);
    // A user tag is not an interest of the same name, and the other way round.
    expect(applyView(papers, { order: 'newest', tag: { kind: 'interest', name: 'robotics' } })).toEqual([]);
    expect(ids(applyView(papers, { order: 'newest', site: 'arxiv' }))).toEqual(['2', '1']);
    expect(ids(applyView(papers, { order: 'newest', readState: 'unread' }))).toEqual(['3', '1']);
    expect(ids(applyView(papers, { order: 'newest', matched: new Set([papers[0]!.id, papers[1]!.id]) }))).toEqual([
      '2',
      '1',
    ]);
    expect(
      ids(
        applyView(papers, {
          order: 'score',
          site: 'arxiv',
          readState: 'unread',
          tag: { kind: 'tag', name: 'To read' },
        }),
      ),
    ).toEqual(['1']);
    expect(passesFilters(papers[0]!, { matched: null })).toBe(true);
  });

  it('counts the tags, interests and sites to filter by, most used first', () => {
    expect(facetsOf(papers)).toEqual({
      tags: [
        { value: 'To read', count: 2 },
        { value: 'robotics', count: 1 },
      ],
      interestTags: [{ value: 'RLHF', count: 1 }],
      sites: [
        { value: 'arxiv', count: 2 },
        { value: 'huggingface', count: 1 },
        { value: 'openreview', count: 1 },
      ],
    });
  });

  it('encodes a tag filter as one select value and back, names with colons included', () => {
    for (const tag of [{ kind: 'tag', name: 'a:b' } as const, { kind: 'interest', name: 'RLHF' } as const]) {
      expect(parseTagFilter(tagFilterValue(tag))).toEqual(tag);
    }
    expect(tagFilterValue(undefined)).toBe('');
    expect(parseTagFilter('')).toBeUndefined();
    expect(parseTagFilter('other:x')).toBeUndefined();
  });
});
