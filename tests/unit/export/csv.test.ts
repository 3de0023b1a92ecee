import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { newRecord } from '../../../lib/db/records';
import { CSV_COLUMNS, csvRow, toCsv } from '../../../lib/export/csv';
import { hostileRecords } from './hostile';

// Thousands of records: generous time on a loaded two-core machine.
describe('CSV export', { timeout: 30_000 }, () => {
  it('papaparse reads back exactly the cells written, for 1,000 hostile papers', () => {
    const records = hostileRecords(1000);
    const csv = toCsv(records);
    const parsed = Papa.parse<string[]>(csv, { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...CSV_COLUMNS]);
    const cells = records.map(csvRow).map((row) => row.map((c) => (/^[=+\-@\t\r\n]/.test(c) ? `'${c}` : c)));
    expect(parsed.data.slice(1)).toEqual(cells);
  });

  it('is RFC 4180: CRLF between records, quotes doubled, fields with commas, quotes or line breaks quoted', () => {
    const r = newRecord(
      { id: '2401.00001', source: 'arxiv', url: 'u', title: 'A "quoted", title', authors: ['X Y'] },
      {},
      0,
    );
    const csv = toCsv([{ ...r, note: 'line one\nline two' }]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(row).toContain('"A ""quoted"", title"');
    expect(csv).toContain('"line one\nline two"');
    expect(csv.endsWith('\r\n')).toBe(false);
  });

  it('neutralises cells a spreadsheet would run as formulas, including one with a line break after it', () => {
    const base = newRecord({ id: '2401.00001', source: 'arxiv', url: 'u', title: 'T', authors: [] }, {}, 0);
    const evil = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '=1+1\nsecond line'];
    const csv = toCsv(evil.map((title) => ({ ...base, paper: { ...base.paper, title } })));
    const titles = Papa.parse<string[]>(csv)
      .data.slice(1)
      .map((row) => row[1]);
    expect(titles).toEqual(evil.map((t) => `'${t}`));
    expect(toCsv([{ ...base, paper: { ...base.paper, title: 'x = y' } }])).toContain(',x = y,');
  });
});
