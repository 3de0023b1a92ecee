import Papa from 'papaparse';
import type { ShortlistRecord } from '../schema/shortlist';
import { arxivIdOf } from './common';

/** The columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'authors',
  'date',
  'venue',
  'arxiv_id',
  'doi',
  'url',
  'pdf_url',
  'categories',
  'tags',
  'interest_tags',
  'read',
  'score',
  'saved_at',
  'note',
  'abstract',
] as const;

/**
 * Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR, LF first). papaparse's own default
 * pattern ends in `.*$` without the `s` flag, so it misses a formula followed by a line break.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** The cells of one record, as the CSV holds them before quoting (lists joined with "; "). */
export function csvRow(record: ShortlistRecord): string[] {
  const { paper } = record;
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: record.id,
    title: paper.title,
    authors: paper.authors.join('; '),
    date: paper.date ?? '',
    venue: paper.venue ?? '',
    arxiv_id: arxivIdOf(record) ?? '',
    doi: paper.doi ?? '',
    url: paper.url,
    pdf_url: paper.pdfUrl ?? '',
    categories: (paper.categories ?? []).join('; '),
    tags: record.tags.join('; '),
    interest_tags: record.interestTags.join('; '),
    read: record.readState === 'read' ? 'yes' : 'no',
    score: String(Math.round(record.score)),
    saved_at: new Date(record.savedAt).toISOString(),
    note: record.note,
    abstract: paper.abstract ?? '',
  };
  return CSV_COLUMNS.map((c) => cells[c]);
}

/**
 * The records as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break).
 * A cell that starts like a formula gets a leading `'` so spreadsheets show it as text and never run it.
 */
export function toCsv(records: readonly ShortlistRecord[]): string {
  return Papa.unparse(
    { fields: [...CSV_COLUMNS], data: records.map(csvRow) },
    { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false },
  );
}
