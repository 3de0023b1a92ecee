import type { ShortlistRecord } from '../schema/shortlist';

/** What kind of publication a record is, as far as the page showed: a preprint, a conference or a journal paper. */
export type PublicationKind = 'preprint' | 'conference' | 'journal' | 'other';

const JOURNAL_VENUE = /\b(journal|transactions|letters|review|magazine)\b|\bj\.\s/i;

/** The kind of a paper from its venue and ids (a paper with an arXiv id and no venue is a preprint). */
export function publicationKind(record: ShortlistRecord): PublicationKind {
  const { venue, arxivId } = record.paper;
  if (venue) return JOURNAL_VENUE.test(venue) ? 'journal' : 'conference';
  return arxivId || isArxivRecord(record) ? 'preprint' : 'other';
}

/** The arXiv id of a record, if it has one. */
export function arxivIdOf(record: ShortlistRecord): string | undefined {
  return record.paper.arxivId ?? (isArxivRecord(record) ? record.id : undefined);
}

function isArxivRecord(record: ShortlistRecord): boolean {
  return !record.id.includes(':');
}

/** The link a citation should carry: the arXiv abstract page for arXiv papers, else the page it was saved from. */
export function citationUrl(record: ShortlistRecord): string {
  const arxiv = arxivIdOf(record);
  return arxiv ? `https://arxiv.org/abs/${arxiv}` : record.paper.url;
}

const ARXIV_CATEGORY = /^[a-z-]+(\.[A-Za-z-]+)?$/;

/** The arXiv primary category (the first listed, when it looks like an arXiv code such as `cs.CL`). */
export function primaryCategory(record: ShortlistRecord): string | undefined {
  const first = record.paper.categories?.[0];
  return first && ARXIV_CATEGORY.test(first) ? first : undefined;
}

/** The date's parts as numbers: [year, month?, day?]. */
export function dateParts(date: string | undefined): number[] {
  return date ? date.split('-').map(Number) : [];
}

/** One line of text: sites' line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
