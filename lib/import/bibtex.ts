import { IMPORT_LIMITS, type ShortlistRecord } from '../schema/shortlist';
import { parseArxivId, parseDoi } from '../sites/text';
import { t } from '../util/t';
import { BibtexReader, bibtexNames, type BibEntry } from './bibtex-reader';
import { ImportError } from './errors';
import { decodeLatex, decodeVerbatim } from './latex';
import { citationRecord, isoFromParts, normalizeDoi, type Citation } from './records';

/** What one entry says of its paper, in plain text. */
function citation(entry: BibEntry): Citation {
  const raw = (name: string) => entry.fields.get(name);
  const text = (name: string) => {
    const value = raw(name);
    return value === undefined ? undefined : decodeLatex(value) || undefined;
  };
  const verbatim = (name: string) => {
    const value = raw(name);
    return value === undefined ? undefined : decodeVerbatim(value) || undefined;
  };
  const url = verbatim('url');
  const prefix = (text('archiveprefix') ?? text('eprinttype') ?? '').toLowerCase();
  const eprint = verbatim('eprint');
  // Google Scholar writes preprints as `journal = {arXiv preprint arXiv:2401.12345}`.
  const journal = text('journal') ?? text('journaltitle');
  const arxivId =
    (eprint && (prefix === 'arxiv' || !prefix) ? parseArxivId(eprint) : null) ??
    [url, journal, text('howpublished'), text('note')]
      .filter((s): s is string => !!s && /arxiv/i.test(s))
      .map(parseArxivId)
      .find(Boolean) ??
    undefined;
  const doi = normalizeDoi(verbatim('doi')) ?? (url && /doi\.org/i.test(url) ? parseDoi(url) : null) ?? undefined;
  const isoDate = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(text('date') ?? '')?.[0];
  const venue =
    text('booktitle') ?? (journal && !/^arxiv\b/i.test(journal) ? journal : undefined) ?? text('eventtitle');
  const primaryClass = text('primaryclass');
  return {
    source: 'bibtex',
    siteId: entry.key,
    title: text('title') ?? '',
    authors: raw('author') ? bibtexNames(raw('author')!, decodeLatex) : [],
    date: isoDate ?? isoFromParts(text('year'), text('month'), text('day')),
    venue,
    doi,
    arxivId,
    url,
    abstract: text('abstract'),
    categories: primaryClass ? [primaryClass] : undefined,
    tags: (text('keywords') ?? '').split(/[,;]/),
  };
}

/**
 * The papers in a BibTeX file, as shortlist records (not yet saved). Throws an ImportError naming the line and
 * entry of the first problem; entries of kinds that are not papers (`@string`, `@comment`) are skipped.
 */
export function parseBibtex(text: string, now = Date.now()): ShortlistRecord[] {
  if (text.length > IMPORT_LIMITS.maxBytes) {
    throw new ImportError(t('errors.import.tooLarge', [String(IMPORT_LIMITS.maxBytes / 1024 / 1024)]));
  }
  const entries = new BibtexReader(text, IMPORT_LIMITS.maxEntries).read();
  if (entries.length === 0) throw new ImportError(t('errors.import.noBibtexEntries'));
  return entries.map((entry) => citationRecord(citation(entry), { line: entry.line, entry: entry.key }, now));
}
