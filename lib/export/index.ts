import type { ShortlistRecord } from '../schema/shortlist';
import { toBibtex } from './bibtex';
import { toCslJson } from './csl';
import { toCsv } from './csv';
import { localDate, toMarkdown } from './markdown';
import { toRis } from './ris';

/** The formats the shortlist exports to, and the full backup. */
export const EXPORT_FORMATS = {
  bibtex: { label: 'BibTeX', extension: 'bib', mimeType: 'application/x-bibtex' },
  ris: { label: 'RIS', extension: 'ris', mimeType: 'application/x-research-info-systems' },
  'csl-json': { label: 'CSL-JSON', extension: 'csl.json', mimeType: 'application/vnd.citationstyles.csl+json' },
  csv: { label: 'CSV', extension: 'csv', mimeType: 'text/csv' },
  markdown: { label: 'Markdown', extension: 'md', mimeType: 'text/markdown' },
  backup: { label: 'Paperlight backup (JSON)', extension: 'json', mimeType: 'application/json' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
export type ShortlistFormat = Exclude<ExportFormat, 'backup'>;

/** The shortlist in one of the citation and list formats. */
export function exportShortlist(format: ShortlistFormat, records: readonly ShortlistRecord[], date = new Date()) {
  switch (format) {
    case 'bibtex':
      return toBibtex(records);
    case 'ris':
      return toRis(records);
    case 'csl-json':
      return toCslJson(records);
    case 'csv':
      return toCsv(records);
    case 'markdown':
      return toMarkdown(records, date);
  }
}

/** The download's file name: `paperlight-shortlist-2026-11-26.bib`, `paperlight-backup-2026-11-26.json`. */
export function fileName(format: ExportFormat, date: Date = new Date()): string {
  const what = format === 'backup' ? 'backup' : 'shortlist';
  return `paperlight-${what}-${localDate(date)}.${EXPORT_FORMATS[format].extension}`;
}
