import type { ShortlistRecord } from '../schema/shortlist';
import { citationKeys } from './bibtex';
import { arxivIdOf, citationUrl, dateParts, publicationKind } from './common';
import { splitName } from './names';

/** A CSL-JSON item (the fields Paperlight fills; see the CSL data schema). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'article' | 'paper-conference' | 'article-journal';
  title: string;
  author?: ({ family: string; given?: string } | { literal: string })[];
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  publisher?: string;
  number?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  keyword?: string;
}

const TYPE = {
  preprint: 'article',
  other: 'article',
  conference: 'paper-conference',
  journal: 'article-journal',
} as const;

/** One record as a CSL item: arXiv preprints as Zotero writes them (publisher arXiv, number `arXiv:<id>`). */
function item(record: ShortlistRecord, key: string): CslItem {
  const { paper } = record;
  const arxiv = arxivIdOf(record);
  const parts = dateParts(paper.date);
  const out: CslItem = { id: key, 'citation-key': key, type: TYPE[publicationKind(record)], title: paper.title };
  if (paper.authors.length) {
    out.author = paper.authors.map((name) => {
      const { family, given, literal } = splitName(name);
      return literal || !given ? { literal: family } : { family, given };
    });
  }
  if (parts.length) out.issued = { 'date-parts': [parts] };
  if (paper.venue) out['container-title'] = paper.venue;
  if (arxiv && !paper.venue) {
    out.publisher = 'arXiv';
    out.number = `arXiv:${arxiv}`;
  }
  if (paper.doi) out.DOI = paper.doi;
  if (citationUrl(record)) out.URL = citationUrl(record);
  if (paper.abstract) out.abstract = paper.abstract;
  if (record.tags.length) out.keyword = record.tags.join(', ');
  return out;
}

/** The records as CSL items. */
export function toCslItems(records: readonly ShortlistRecord[]): CslItem[] {
  const keys = citationKeys(records);
  return records.map((r) => item(r, keys.get(r.id)!));
}

/** The records as a CSL-JSON file (what Zotero, Pandoc and citeproc read). */
export function toCslJson(records: readonly ShortlistRecord[]): string {
  return `${JSON.stringify(toCslItems(records), null, 2)}\n`;
}
