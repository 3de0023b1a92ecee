// The formats alone, without their writers: the popup lists them without bundling papaparse and the rest.

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
