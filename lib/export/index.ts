import type { ShortlistRecord } from '../schema/shortlist';
import { toBibtex } from './bibtex';
import { toCslJson } from './csl';
import { toCsv } from './csv';
import { localDate, toMarkdown } from './markdown';
import { toRis } from './ris';
import { EXPORT_FORMATS, type ExportFormat, type ShortlistFormat } from './formats';

export { EXPORT_FORMATS, type ExportFormat, type ShortlistFormat } from './formats';

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
