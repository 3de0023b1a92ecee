import { describe, expect, it } from 'vitest';
import { newRecord } from '../../../lib/db/records';
import { toCslItems, toCslJson } from '../../../lib/export/csl';
import { EXPORT_FORMATS, exportShortlist, fileName } from '../../../lib/export/index';
import { escapeMarkdown, toMarkdown } from '../../../lib/export/markdown';
import { splitName } from '../../../lib/export/names';
import { toRis } from '../../../lib/export/ris';
import { parseRis } from '../../../lib/import/ris';
import type { ShortlistRecord } from '../../../lib/schema/shortlist';
import { hostileRecords } from './hostile';

const arxivRecord: ShortlistRecord = {
  ...newRecord(
    {
      id: '2401.12345',
      source: 'arxiv',
      url: 'https://arxiv.org/abs/2401.12345',
      title: 'Reward Models for RLHF',
      authors: ['Jane Smith', 'Ana van der Berg', 'Acme, Inc.'],
      arxivId: '2401.12345',
      categories: ['cs.CL'],
      date: '2025-01-22',
      abstract: 'We study\nreward models.',
      doi: '10.48550/arxiv.2401.12345',
    },
    { tags: ['to read'] },
    0,
  ),
  note: 'Check §3',
};

describe('names', () => {
  it('splits display names into family and given names, particles with the family', () => {
    expect(splitName('Ana van der Berg')).toEqual({ family: 'van der Berg', given: 'Ana' });
    expect(splitName('J. R. R. Tolkien')).toEqual({ family: 'Tolkien', given: 'J. R. R.' });
    expect(splitName('bell hooks')).toEqual({ family: 'hooks', given: 'bell' });
    expect(splitName('张三')).toEqual({ family: '张三', given: '' });
    expect(splitName('Acme, Inc.')).toEqual({ family: 'Acme, Inc.', given: '', literal: true });
  });
});

// Thousands of records: generous time on a loaded two-core machine.
describe('RIS export', { timeout: 30_000 }, () => {
  it('writes one tagged line per field, CRLF, ending each reference with ER', () => {
    expect(toRis([arxivRecord]).split('\r\n')).toEqual([
      'TY  - UNPB',
      'ID  - smith2025reward',
      'TI  - Reward Models for RLHF',
      'AU  - Smith, Jane',
      'AU  - van der Berg, Ana',
      'AU  - Acme, Inc.',
      'PY  - 2025',
      'DA  - 2025/01/22/',
      'DO  - 10.48550/arxiv.2401.12345',
      'UR  - https://arxiv.org/abs/2401.12345',
      'AB  - We study reward models.',
      'KW  - to read',
      'N1  - Check §3',
      'ER  - ',
      '',
    ]);
  });

  it('Paperlight reads its RIS back: same titles, ids, dates and notes for 1,000 hostile papers', () => {
    const records = hostileRecords(1000);
    const back = parseRis(toRis(records), 0);
    expect(back).toHaveLength(1000);
    back.forEach((b, i) => {
      const r = records[i]!;
      expect(b.paper.title).toBe(r.paper.title);
      if (!r.id.startsWith('openreview:')) expect(b.id).toBe(r.id);
      expect(b.paper.date).toBe(r.paper.date);
      expect(b.note).toBe(r.note.replace(/\s+/g, ' ').trim());
      // Names without a comma of their own come back as they were.
      r.paper.authors.forEach((a, j) => {
        if (!a.includes(',')) expect(b.paper.authors[j]).toBe(a.replace(/\s+/g, ' ').trim());
      });
    });
  });
});

describe('CSL-JSON export', () => {
  it('writes arXiv preprints as Zotero does, with split names and date parts', () => {
    expect(toCslItems([arxivRecord])).toEqual([
      {
        id: 'smith2025reward',
        'citation-key': 'smith2025reward',
        type: 'article',
        title: 'Reward Models for RLHF',
        author: [
          { family: 'Smith', given: 'Jane' },
          { family: 'van der Berg', given: 'Ana' },
          { literal: 'Acme, Inc.' },
        ],
        issued: { 'date-parts': [[2025, 1, 22]] },
        publisher: 'arXiv',
        number: 'arXiv:2401.12345',
        DOI: '10.48550/arxiv.2401.12345',
        URL: 'https://arxiv.org/abs/2401.12345',
        abstract: 'We study\nreward models.',
        keyword: 'to read',
      },
    ]);
  });

  it('is valid JSON holding every hostile text unchanged', () => {
    const records = hostileRecords(300);
    const items = JSON.parse(toCslJson(records)) as { title: string }[];
    expect(items.map((i) => i.title)).toEqual(records.map((r) => r.paper.title));
  });
});

// Thousands of records: generous time on a loaded two-core machine.
describe('Markdown export', { timeout: 30_000 }, () => {
  it('is a numbered reading list with links, details, tags and the note quoted', () => {
    const md = toMarkdown([{ ...arxivRecord, readState: 'read', interestTags: ['RLHF'] }], new Date(2026, 10, 26));
    expect(md).toBe(
      [
        '# Paperlight reading list',
        '',
        '1 paper, exported 2026-11-26.',
        '',
        '1. **[Reward Models for RLHF](https://arxiv.org/abs/2401.12345)**  ',
        '   Jane Smith, Ana van der Berg, Acme, Inc. · 2025-01-22 · arXiv:2401.12345 · doi:10.48550/arxiv.2401.12345  ',
        '   Tags: to read · Matched: RLHF · Read',
        '',
        '   > Check §3',
        '',
      ].join('\n'),
    );
  });

  it('never lets page text become HTML, links, emphasis or block syntax', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> [a](javascript:x) *b* _c_ `d` &lt;')).toBe(
      '&lt;img src=x onerror=alert\\(1\\)&gt; \\[a\\]\\(javascript:x\\) \\*b\\* \\_c\\_ \\`d\\` &amp;lt;',
    );
    const md = toMarkdown(hostileRecords(1000));
    expect(md).not.toMatch(/<[a-z/!]/i);
    expect(md).not.toMatch(/(?<!\\)\]\((?!https:\/\/)/);
    // Note lines stay inside their quote: none starts a heading, list or nested quote.
    const quoted = md.split('\n').filter((l) => l.startsWith('   >'));
    expect(quoted.length).toBeGreaterThan(300);
    for (const line of quoted) expect(line).not.toMatch(/^ {3}> (#|[-+] |>)/);
  });

  it('links only to http(s) URLs', () => {
    const evil = {
      ...arxivRecord,
      id: 'x:1',
      paper: { ...arxivRecord.paper, id: 'x:1', arxivId: undefined, url: 'javascript:alert(1)' },
    };
    expect(toMarkdown([evil])).toContain('1. **Reward Models for RLHF**');
  });
});

describe('file names and formats', () => {
  it('names downloads by format and local date', () => {
    const day = new Date(2026, 10, 26, 23, 59);
    expect(fileName('bibtex', day)).toBe('paperlight-shortlist-2026-11-26.bib');
    expect(fileName('ris', day)).toBe('paperlight-shortlist-2026-11-26.ris');
    expect(fileName('csl-json', day)).toBe('paperlight-shortlist-2026-11-26.csl.json');
    expect(fileName('csv', day)).toBe('paperlight-shortlist-2026-11-26.csv');
    expect(fileName('markdown', day)).toBe('paperlight-shortlist-2026-11-26.md');
    expect(fileName('backup', day)).toBe('paperlight-backup-2026-11-26.json');
  });

  it('exports every shortlist format through one entry point', () => {
    for (const format of ['bibtex', 'ris', 'csl-json', 'csv', 'markdown'] as const) {
      expect(exportShortlist(format, [arxivRecord]).length, format).toBeGreaterThan(50);
      expect(EXPORT_FORMATS[format].mimeType).toMatch(/\//);
    }
    expect(exportShortlist('bibtex', [])).toBe('');
  });
});
