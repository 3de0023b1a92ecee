// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseSummaryLines, summaryLine, toSummary } from '../../../lib/shortlist/summary';
import { record } from './fixtures';

describe('shortlist summaries', () => {
  it('keep what a row shows and drop the abstract; three authors and the count', () => {
    const r = record(
      1,
      { authors: ['A', 'B', 'C', 'D', 'E'], abstract: 'long text', venue: 'ACL 2024' },
      { tags: ['x'], note: 'n', score: 40 },
    );
    expect(toSummary(r)).toEqual({
      id: r.id,
      title: 'Paper 1',
      authors: ['A', 'B', 'C'],
      authorCount: 5,
      url: r.paper.url,
      source: 'arxiv',
      arxivId: r.id,
      venue: 'ACL 2024',
      sites: ['arxiv'],
      tags: ['x'],
      interestTags: [],
      note: 'n',
      readState: 'unread',
      score: 40,
      savedAt: 1001,
    });
  });

  it('travel one per line and come back validated, line breaks in notes and all', async () => {
    const summaries = Array.from({ length: 1000 }, (_, i) =>
      toSummary(record(i, { title: `T\n${i}\u2028` }, { note: 'a\nb\r\nc' })),
    );
    const lines = summaries.map(summaryLine).join('\n');
    expect(await parseSummaryLines(lines)).toEqual(summaries);
    expect(await parseSummaryLines('')).toEqual([]);
  });

  it('refuse a line that is not a summary', async () => {
    const good = summaryLine(toSummary(record(1)));
    await expect(parseSummaryLines(`${good}\n{"id":"x"}`)).rejects.toThrow();
    await expect(parseSummaryLines(`${good}\nnot json`)).rejects.toThrow();
  });
});
