import { normalizeTags, newRecord } from '../db/records';
import { ShortlistRecordSchema, type ShortlistRecord } from '../schema/shortlist';
import type { z } from '../schema/zod';
import { canonicalId } from '../sites/text';
import { t } from '../util/t';
import { ImportError, type ImportLocation } from './errors';

/** What a BibTeX entry or RIS reference says of a paper, as plain text. */
export interface Citation {
  source: 'bibtex' | 'ris';
  /** The entry's own id (citation key, RIS `ID`): the paper's id when it has neither arXiv id nor DOI. */
  siteId: string;
  title: string;
  authors: string[];
  date?: string;
  venue?: string;
  doi?: string;
  arxivId?: string;
  url?: string;
  pdfUrl?: string;
  abstract?: string;
  categories?: string[];
  tags: string[];
  note?: string;
}

/** A zod failure as one line: what is wrong, and where in the data (less the first `skipPath` steps). */
export function describeIssue(error: z.ZodError, skipPath = 0): string {
  const issue = error.issues[0];
  if (!issue) return t('errors.import.invalidData');
  const path = issue.path
    .slice(skipPath)
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return path ? t('errors.import.issueAt', [issue.message, path]) : t('errors.import.issue', [issue.message]);
}

/**
 * A shortlist record for an imported citation: the paper's id is its arXiv id, else its DOI (so it merges with
 * a paper saved from a site), else `<format>:<its key>`. `updatedAt` 0: the user has not changed it in Paperlight,
 * so a merge keeps the note and read state of the paper already saved.
 */
export function citationRecord(c: Citation, where: ImportLocation, now: number): ShortlistRecord {
  if (!c.title) throw new ImportError(t('errors.import.noTitle'), where);
  const id = canonicalId({ arxivId: c.arxivId, doi: c.doi, site: c.source, siteId: c.siteId });
  const url = c.url || (c.arxivId ? `https://arxiv.org/abs/${c.arxivId}` : c.doi ? `https://doi.org/${c.doi}` : '');
  const paper = {
    id,
    source: c.source,
    url,
    title: c.title,
    authors: c.authors,
    ...(c.abstract ? { abstract: c.abstract } : {}),
    ...(c.categories?.length ? { categories: c.categories } : {}),
    ...(c.venue ? { venue: c.venue } : {}),
    ...(c.date ? { date: c.date } : {}),
    ...(c.doi ? { doi: c.doi } : {}),
    ...(c.arxivId ? { arxivId: c.arxivId } : {}),
    ...(c.pdfUrl ? { pdfUrl: c.pdfUrl } : {}),
  };
  // One validation of the whole record (the paper inside included); its paths name the entry's own fields.
  const record = ShortlistRecordSchema.safeParse({
    ...newRecord(paper, { tags: normalizeTags(c.tags) }, now),
    note: c.note ?? '',
    updatedAt: 0,
  });
  if (!record.success) {
    throw new ImportError(describeIssue(record.error, record.error.issues[0]?.path[0] === 'paper' ? 1 : 0), where);
  }
  return record.data;
}

/**
 * A DOI field's DOI, lower-cased (as the sites report it), without a `doi:` or resolver prefix. Unlike the page
 * parser this keeps every character: a DOI field holds nothing else, and old DOIs contain `<`, `>` and `;`.
 */
export function normalizeDoi(value: string | undefined): string | undefined {
  const doi = value
    ?.trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase();
  return doi && /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : undefined;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** An ISO date (`2025`, `2025-05`, `2025-05-01`) from a year and a month given as a number or a name. */
export function isoFromParts(year: string | undefined, month?: string, day?: string): string | undefined {
  const y = /\b(\d{4})\b/.exec(year ?? '')?.[1];
  if (!y) return undefined;
  const m = month ? Number(month) || MONTH_NAMES.indexOf(month.slice(0, 3).toLowerCase()) + 1 : 0;
  if (!(m >= 1 && m <= 12)) return y;
  const mm = String(m).padStart(2, '0');
  const d = Number(day);
  return d >= 1 && d <= 31 ? `${y}-${mm}-${String(d).padStart(2, '0')}` : `${y}-${mm}`;
}
