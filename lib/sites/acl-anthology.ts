import type { DetectedEntry, PaperEntry } from '../schema/paper';
import type { DetectOptions, SiteAdapter } from './types';
import { absoluteUrl, canonicalId, normalizeSpace, normalizeTitle, parseArxivId, parseDoi } from './text';

// NOTE: the Anthology is a static Hugo site (minified: attributes are often unquoted). Listings — volume pages
// (/volumes/2021.naacl-main/), event pages (/events/acl-2024/, one section per volume under an `h4` with the
// volume link) and author pages (/people/…/) — render each paper as a `.d-sm-flex` row (a `<p>` until 2024, a
// `<div>` since the Bootstrap 5 redesign): a button column (`a[href$=".pdf"]` "pdf", bib, "abs") and a
// `span.d-block` with `strong > a.align-middle[href="/<anthology id>/"]` (the title, with `span.acl-fixed-case`
// inside), then author links `a[href^="/people/"]` separated by " | " (and on author pages the volume link).
// When the paper has an abstract, the row is followed by `div.abstract-collapse > .card-body`. Paper number 0 of
// a volume (`2021.naacl-main.0`, old `W19-4200`) is its front matter, not a paper.
// Single paper pages (/2021.naacl-main.208/) hold `h2#title`, `p.lead` authors, `.acl-abstract`, a `dl` of
// details (Volume, Month, Year, DOI) and citation_* meta tags.

/** New ids `2021.naacl-main.208`, old ids `N04-1001` / `W19-4201`. */
const ANTHOLOGY_ID = /^\/?([12]\d{3}\.[a-z0-9]+(?:-[a-z0-9]+)*\.\d+|[A-Z]\d{2}-\d{4})\/?$/;
const PAPER_PAGE = /^\/([12]\d{3}\.[a-z0-9]+(?:-[a-z0-9]+)*\.\d+|[A-Z]\d{2}-\d{4})\/?$/;
const ORIGIN = 'https://aclanthology.org';
const ORIGIN_URL = new URL(ORIGIN);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Broken markup can pour a whole page into one field: values longer than these are not what they claim to be.
const MAX_TITLE = 2000;
const MAX_NAME = 200;
const MAX_VENUE = 500;
const MAX_ABSTRACT = 50_000;

/** Names of a plausible length (see MAX_NAME). */
function names(list: string[]): string[] {
  return list.filter((name) => name && name.length <= MAX_NAME);
}

/** The optional text fields that fit the schema, each omitted when empty or implausibly long. */
function optional(fields: { abstract?: string; venue?: string }): { abstract?: string; venue?: string } {
  return {
    ...(fields.abstract && fields.abstract.length <= MAX_ABSTRACT ? { abstract: fields.abstract } : {}),
    ...(fields.venue && fields.venue.length <= MAX_VENUE ? { venue: fields.venue } : {}),
  };
}

const cache = new WeakMap<Element, PaperEntry>();

/** The anthology id in a paper link (`/2021.naacl-main.208/`, `https://aclanthology.org/N04-1001/`), or null. */
function anthologyIdOf(href: string | null): string | null {
  if (!href) return null;
  const path = href.startsWith(ORIGIN) ? href.slice(ORIGIN.length) : href;
  return ANTHOLOGY_ID.exec(path)?.[1] ?? null;
}

/** Front matter is paper 0: `.0` in new ids; in old ids the last three digits (two for workshops, `W`). */
function isFrontMatter(id: string): boolean {
  if (/\.0$/.test(id)) return true;
  const old = /^([A-Z])\d{2}-(\d{4})$/.exec(id);
  if (!old) return false;
  return old[1] === 'W' ? old[2]!.endsWith('00') : old[2]!.endsWith('000');
}

/** `June` + `2021` → `2021-06`; a month range (`May 2 - May 7`) keeps the first month; no month → the year. */
function monthYear(month: string | null | undefined, year: string | null | undefined): string | undefined {
  const y = /\b(1[89]\d{2}|20\d{2})\b/.exec(year ?? '')?.[1];
  if (!y) return undefined;
  const m = MONTHS.indexOf(normalizeSpace(month).slice(0, 3).toLowerCase());
  return m >= 0 ? `${y}-${String(m + 1).padStart(2, '0')}` : y;
}

/** The `dd` after the `dt` whose label is `label` (`Year:`) in a details list. */
function detail(dl: Element | null, label: string): Element | null {
  if (!dl) return null;
  for (const dt of Array.from(dl.querySelectorAll('dt'))) {
    if (normalizeSpace(dt.textContent).toLowerCase() === label) {
      const dd = dt.nextElementSibling;
      return dd?.tagName === 'DD' ? dd : null;
    }
  }
  return null;
}

/** What a listing page says about all its rows: the volume title and date of a volume page, an event's year. */
interface PageContext {
  venue?: string;
  date?: string;
}

function pageContext(doc: Document, url: URL): PageContext {
  const heading = normalizeSpace(doc.querySelector('#title')?.textContent);
  if (url.pathname.startsWith('/volumes/')) {
    const dl = doc.querySelector('.acl-paper-details dl, section#main dl');
    const date = monthYear(detail(dl, 'month:')?.textContent, detail(dl, 'year:')?.textContent);
    return { ...(heading ? { venue: heading } : {}), ...(date ? { date } : {}) };
  }
  if (url.pathname.startsWith('/events/')) {
    const year = /\b(19|20)\d{2}\b/.exec(heading)?.[0];
    return year ? { date: year } : {};
  }
  return {};
}

/** The volume link of an event page's section heading (`h4` with pdf/bib badges before it), or undefined. */
function headingVolume(h4: Element): string | undefined {
  for (const a of Array.from(h4.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (href.includes('/volumes/') && !/\.(?:bib|pdf|xml|endf)$/.test(href))
      return normalizeSpace(a.textContent) || undefined;
  }
  return undefined;
}

/** What the headings above a row say: the volume (event pages) or the year (author pages). */
interface Heading {
  volume?: string;
  year?: string;
}

function readRow(row: Element, link: Element, id: string, ctx: PageContext, heading: Heading, people: boolean) {
  const title = normalizeTitle(link.textContent);
  if (!title || title.length > MAX_TITLE) return null;
  // One pass over the row's links: authors, the PDF, the volume (author pages), arXiv or DOI when shown.
  const authors: string[] = [];
  let pdf: string | undefined;
  let volume: string | undefined;
  let arxivId: string | null = null;
  let doi: string | null = null;
  for (const a of Array.from(row.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (href.includes('/people/')) authors.push(normalizeSpace(a.textContent));
    else if (href.endsWith('.pdf')) pdf ??= href;
    else if (href.includes('/volumes/')) volume ??= normalizeSpace(a.textContent) || undefined;
    else if (href.includes('arxiv.org/abs/')) arxivId ??= parseArxivId(href);
    else if (href.includes('doi.org/10.')) doi ??= parseDoi(href);
  }
  const next = row.nextElementSibling;
  const abstract =
    next && next.classList.contains('abstract-collapse')
      ? normalizeSpace((next.querySelector('.card-body') ?? next).textContent)
      : '';
  const venue = people ? volume : (ctx.venue ?? heading.volume);
  const date = people ? heading.year : ctx.date;
  const paper: PaperEntry = {
    id: canonicalId({ arxivId, doi, site: 'acl', siteId: id }),
    source: 'acl-anthology',
    url: `${ORIGIN}/${id}/`,
    title,
    authors: names(authors),
    ...optional({ abstract, venue }),
    ...(date ? { date } : {}),
    ...(doi ? { doi } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(pdf ? { pdfUrl: absoluteUrl(pdf, ORIGIN_URL) } : {}),
  };
  return paper;
}

function detectListing(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const ctx = pageContext(doc, url);
  const people = isAuthorPage(url);
  const heading: Heading = {};
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  // One pass in page order: headings set the section's volume (events) or year (author pages) for the rows
  // after them; an event's section heading is itself an `h4.d-sm-flex`, without a title link.
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>('h4, .d-sm-flex'))) {
    if (el.tagName === 'H4') {
      const volume = headingVolume(el);
      if (volume) heading.volume = volume;
      const year = /^(?:1[89]|20)\d{2}$/.exec(normalizeSpace(el.textContent))?.[0];
      if (year) heading.year = year;
      continue;
    }
    const link = el.querySelector('strong > a[href]');
    const id = anthologyIdOf(link?.getAttribute('href') ?? null);
    if (!link || !id || isFrontMatter(id)) continue;
    let paper = options?.isKnown?.(el) ? cache.get(el) : undefined;
    if (!paper) {
      paper = readRow(el, link, id, ctx, heading, people) ?? undefined;
      if (!paper) continue;
      cache.set(el, paper);
    }
    if (seen.has(paper.id)) continue;
    seen.add(paper.id);
    entries.push({ paper, root: el, anchor: link.parentElement ?? undefined });
  }
  return entries;
}

function meta(doc: Document, name: string): string {
  return normalizeSpace(doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content'));
}

function detectPaperPage(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const id = PAPER_PAGE.exec(url.pathname)?.[1];
  const heading = doc.querySelector<HTMLElement>('h2#title');
  const root = heading?.closest<HTMLElement>('section#main') ?? heading?.parentElement;
  if (!id || !heading || !root) return [];
  const known = options?.isKnown?.(root) ? cache.get(root) : undefined;
  if (known) return [{ paper: known, root, anchor: heading }];

  const title = normalizeTitle(heading.textContent) || normalizeTitle(meta(doc, 'citation_title'));
  if (!title || title.length > MAX_TITLE) return [];
  const shownAuthors = Array.from(root.querySelectorAll('p.lead a[href*="/people/"]'), (a) =>
    normalizeSpace(a.textContent),
  );
  const authors = shownAuthors.length
    ? shownAuthors
    : Array.from(doc.querySelectorAll('meta[name="citation_author"]'), (m) =>
        normalizeSpace(m.getAttribute('content')),
      );
  const abstractBox = root.querySelector('.acl-abstract');
  const abstract = normalizeSpace(
    (abstractBox?.querySelector(':scope > span') ?? abstractBox?.querySelector('p') ?? null)?.textContent,
  );
  const dl = root.querySelector('.acl-paper-details dl, dl');
  const venue = normalizeSpace(detail(dl, 'volume:')?.textContent) || meta(doc, 'citation_conference_title');
  const metaDate = /^(\d{4})(?:\/(\d{1,2}))?/.exec(meta(doc, 'citation_publication_date'));
  const date =
    monthYear(detail(dl, 'month:')?.textContent, detail(dl, 'year:')?.textContent) ??
    (metaDate ? (metaDate[2] ? `${metaDate[1]}-${metaDate[2].padStart(2, '0')}` : metaDate[1]) : undefined);
  const doi = parseDoi(detail(dl, 'doi:')?.textContent) ?? parseDoi(meta(doc, 'citation_doi'));
  const arxivId = parseArxivId(root.querySelector('a[href*="arxiv.org/abs/"]')?.getAttribute('href'));
  const pdf = heading.querySelector('a[href$=".pdf"]')?.getAttribute('href') ?? (meta(doc, 'citation_pdf_url') || null);
  const paper: PaperEntry = {
    id: canonicalId({ arxivId, doi, site: 'acl', siteId: id }),
    source: 'acl-anthology',
    url: `${ORIGIN}/${id}/`,
    title,
    authors: names(authors),
    ...optional({ abstract, venue }),
    ...(date ? { date } : {}),
    ...(doi ? { doi } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(pdf ? { pdfUrl: absoluteUrl(pdf, ORIGIN_URL) } : {}),
  };
  cache.set(root, paper);
  return [{ paper, root, anchor: heading }];
}

/** `/people/a/andreas-madsack/` (until 2025) or `/people/bo-pan/`, not the directory nor its letter indexes. */
function isAuthorPage(url: URL): boolean {
  const parts = url.pathname.split('/').filter(Boolean);
  return parts[0] === 'people' && parts.length > 1 && !(parts.length === 2 && parts[1]!.length === 1);
}

function detect(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  return PAPER_PAGE.test(url.pathname) ? detectPaperPage(doc, url, options) : detectListing(doc, url, options);
}

/** Distinct paper ids among the "pdf" links (`/<id>.pdf`), front matter excepted: independent of the rows. */
function expectedCount(doc: Document, url: URL): number {
  if (PAPER_PAGE.test(url.pathname)) return doc.querySelector('h2#title') ? 1 : 0;
  const ids = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href$=".pdf"]'))) {
    const id = /\/([^/]+)\.pdf$/.exec(a.getAttribute('href') ?? '')?.[1];
    if (id && anthologyIdOf(id) && !isFrontMatter(id)) ids.add(id);
  }
  return ids.size;
}

export const aclAnthology: SiteAdapter = {
  id: 'acl-anthology',
  name: 'ACL Anthology',
  matches: ['https://aclanthology.org/*'],
  exampleUrls: [
    'https://aclanthology.org/volumes/2021.naacl-main/',
    'https://aclanthology.org/events/acl-2024/',
    'https://aclanthology.org/people/a/andreas-madsack/',
    'https://aclanthology.org/2021.naacl-main.208/',
    'https://aclanthology.org/N04-1001/',
  ],
  // Volume, event and author pages list papers; a paper's own page is one. Venue pages list volumes only.
  accepts: (url) =>
    /^\/(?:volumes|events)\/[^/]+\/?$/.test(url.pathname) || isAuthorPage(url) || PAPER_PAGE.test(url.pathname),
  detect,
  expectedCount,
};
