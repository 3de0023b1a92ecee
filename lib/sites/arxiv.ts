import type { DetectedEntry, PaperEntry } from '../schema/paper';
import type { DetectOptions, SiteAdapter } from './types';
import { absoluteUrl, isoDate, normalizeSpace, normalizeTitle, parseArxivId, parseDoi } from './text';

// NOTE: arXiv serves three kinds of pages Paperlight reads, all rendered on the server (no SPA):
//
// Listings (/list/<cat>/new|recent|pastweek|YYYY-MM|YYMM, /catchup/…, author pages /a/<id>): inside
// `div#dlpage`, each paper is a `<dt>` (index, the abs link `a[title="Abstract"]` whose href is /abs/<id>, the
// pdf link `a[title="Download PDF"]`, "(cross-list from …)" / "(replaced)") followed by its `<dd>`: a
// `div.meta` holding `div.list-title` (with a `span.descriptor` "Title:"), `div.list-authors` (one link per
// author), `div.list-comments`, `div.list-journal-ref`, `div.list-subjects` ("Name (code)"; the primary one in
// `span.primary-subject`) and, on /new and catchup with abstracts, the abstract in `p.mathjax`.
//   - Current markup (2024+): single-quoted attributes, `<a href ="/abs/…">`, one `dl#articles` per section:
//     /new and catchup have New/Cross/Replacement `<h3>` headings inside their dl; /recent one dl per
//     announcement day headed "Fri, 21 Nov 2025 (showing …)"; /new states its day in
//     "<h3>Showing new listings for Friday, 21 November 2025</h3>", catchup in its `<h1>`, monthly listings
//     their month in "<h2>Authors and titles for May 2025</h2>".
//   - Pre-2024 markup: plain `<dl>` (no id) preceded by its `<h3>` ("New submissions for Fri, 4 Nov 22" with a
//     two-digit year, "Fri, 4 Nov 2022" on /pastweek); the links sit in `dt > span.list-identifier`.
//   A paper can appear in two sections of one page; it is one entry, the first.
//
// Search results (/search/?query=…, /search/advanced?…): `li.arxiv-result` with `p.list-title` (abs and pdf
// links), `div.tags` (`span.tag` category codes, then a DOI tag group), `p.title`, `p.authors` (links),
// `p.abstract` (a truncated `span.abstract-short` and the `span.abstract-full`, each ending in a "More"/"Less"
// toggle link; `span.search-hit` highlights sit inside words), "Submitted …; v1 submitted …" and optional
// "Journal ref:" lines.
//
// Abstract pages (/abs/<id>[vN]): `div#abs` with `div.dateline`, `h1.title`, `div.authors`, `blockquote.abstract`
// and a metadata table (`td.subjects`, `td.jref`, `td.doi`); the `<head>` repeats the record in citation_* meta
// tags, read as a second source for every field.

const SITE = 'arxiv';
const ORIGIN = 'https://arxiv.org';

const CATEGORY_TAG = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;
/** A day as arXiv prints it in headings, with a two- or four-digit year ("Fri, 4 Nov 22", "21 November 2025"). */
const HEADING_DAY = /\b(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4}|\d{2})\b/;
const HEADING_MONTH = /^Authors and titles for\s+([A-Za-z]{3,}\.?\s+\d{4})\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ARXIV_DOI = /^10\.48550\/arxiv\./i;
const FIELD_LABEL = /^(?:Title|Authors?|Abstract|Journal-ref|Comments|Subjects):\s*/i;

// Field limits of PaperEntrySchema: a damaged page must still yield valid entries.
const MAX_TITLE = 20_000;
const MAX_ABSTRACT = 50_000;
const MAX_VENUE = 500;
const MAX_AUTHORS = 5000;
const MAX_CATEGORIES = 100;

const cache = new WeakMap<Element, PaperEntry>();

/** Text of an element without its leading `span.descriptor` label ("Title:", "Abstract:"), spaces collapsed. */
function textWithoutLabel(el: Element): string {
  return normalizeSpace(el.textContent).replace(FIELD_LABEL, '');
}

/** Category codes from a subject line, primary first, each once. */
function categoriesFrom(text: string): string[] {
  const codes: string[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const close = text.indexOf(')', open);
    if (close < 0) break;
    // Codes are short ("cs.CL", "physics.ed-ph", "hep-th"): skip long parentheses without slicing them.
    if (close - open > 24) continue;
    const code = text.slice(open + 1, close);
    if (CATEGORY_TAG.test(code) && !codes.includes(code)) codes.push(code);
    if (codes.length === MAX_CATEGORIES) break;
  }
  return codes;
}

/** "Fri, 4 Nov 22" → 2022-11-04; "Friday, 21 November 2025" → 2025-11-21; otherwise undefined. */
function headingDay(text: string | null | undefined): string | undefined {
  const m = HEADING_DAY.exec(text ?? '');
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
  if (month < 0) return undefined;
  let year = Number(m[3]);
  // arXiv began in 1991: two-digit years before 91 are this century's.
  if (m[3]!.length === 2) year += year < 91 ? 2000 : 1900;
  return `${year}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** The list itself when it fits the schema's limits (the usual case: no copy), else a clipped copy. */
function withinLimits(items: string[], maxItems: number, maxLength: number): string[] {
  if (items.length <= maxItems && items.every((item) => item.length <= maxLength)) return items;
  return items.slice(0, maxItems).map((item) => clip(item, maxLength));
}

/** Builds the entry, leaving out every field the page does not show. */
function paperOf(fields: {
  id: string;
  title: string;
  authors: string[];
  abstract?: string;
  categories?: string[];
  venue?: string;
  date?: string;
  doi?: string | null;
  pdfUrl?: string;
}): PaperEntry {
  const paper: PaperEntry = {
    id: fields.id,
    source: SITE,
    url: `${ORIGIN}/abs/${fields.id}`,
    title: clip(fields.title, MAX_TITLE),
    authors: withinLimits(fields.authors, MAX_AUTHORS, 500),
  };
  if (fields.abstract) paper.abstract = clip(fields.abstract, MAX_ABSTRACT);
  if (fields.categories?.length) paper.categories = withinLimits(fields.categories, MAX_CATEGORIES, 200);
  if (fields.venue) paper.venue = clip(fields.venue, MAX_VENUE);
  if (fields.date) paper.date = fields.date;
  if (fields.doi && fields.doi.length <= 300) paper.doi = fields.doi;
  paper.arxivId = fields.id;
  if (fields.pdfUrl && fields.pdfUrl.length <= 2000) paper.pdfUrl = fields.pdfUrl;
  return paper;
}

// ---------------------------------------------------------------------------------------------------------------
// Listings

/** The day (or month) the whole listing is about, from the page headings; section headings may refine it. */
function listingPageDate(doc: Document): string | undefined {
  const page = doc.getElementById('dlpage');
  if (!page) return undefined;
  for (let el = page.firstElementChild; el; el = el.nextElementSibling) {
    const tag = el.tagName;
    if (tag !== 'H1' && tag !== 'H2' && tag !== 'H3') continue;
    const text = normalizeSpace(el.textContent);
    if (/^(Showing new listings for|Catchup results for)\b/i.test(text)) return headingDay(text);
    const month = HEADING_MONTH.exec(text);
    if (month) return isoDate(month[1]);
  }
  return undefined;
}

/** "arXiv:2505.00001", "arXiv:hep-th/9901001v2" in listing links: the id without its version. */
const ARXIV_LABEL = /arXiv:\s*([a-z-]+(?:\.[A-Za-z]{2})?\/\d{7}|\d{4}\.\d{4,5})/;
/** The label a listing field starts with ("Title:", "Journal-ref:"), current and pre-2024 markup alike. */
const LEADING_LABEL = /^\s*(Title|Authors?|Comments|Journal-ref|Subjects|DOI)\s*:/i;
const LABELS: [string, string][] = [
  ['Title', 'title'],
  ['Authors', 'authors'],
  ['Author', 'authors'],
  ['Comments', 'comments'],
  ['Journal-ref', 'journal-ref'],
  ['Subjects', 'subjects'],
  ['DOI', 'doi'],
];

/** Whitespace that normalizeSpace would change: runs, ends, line breaks, tabs, no-break spaces. */
const UNTIDY_SPACE = /^\s|\s$|\s\s|[\t\n\r\f\v\u00a0]/;

/** The field label a listing block's text starts with ("Title:" → "title"), or undefined: no regex, no copy. */
function leadingLabel(text: string): string | undefined {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) <= 32) start++;
  const colon = text.indexOf(':', start);
  if (colon < 0 || colon - start > 12) return undefined;
  for (const [label, key] of LABELS) {
    if (label.length === colon - start && text.startsWith(label, start)) return key;
  }
  return undefined;
}

/**
 * A labelled block's text after its label, whitespace collapsed: "Title:\n   A  Title\n" → "A Title". Slices
 * instead of rewriting when the text is already tidy (the usual case), which keeps long listings cheap.
 */
function afterLabel(text: string): string {
  let start = text.indexOf(':') + 1;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  const body = text.slice(start, end);
  return UNTIDY_SPACE.test(body) ? normalizeSpace(body) : body;
}

function tidy(text: string | null | undefined): string {
  const s = text ?? '';
  return UNTIDY_SPACE.test(s) ? normalizeSpace(s) : s;
}

/**
 * The first link matching `selector` that is a child of the dt (current markup) or a grandchild (pre-2024: inside
 * its span.list-identifier). A plain selector and a check of where the match sits rather than `:scope >` selectors,
 * which some DOMs (happy-dom) answer far more slowly; and a query of the dt rather than of the page, which costs a
 * browser a pass over the whole page and a script object for every link.
 */
function dtLink(dt: Element, selector: string): Element | null {
  const first = dt.querySelector(selector);
  if (!first || isDtLink(dt, first)) return first;
  const all = dt.querySelectorAll(selector);
  for (let i = 1; i < all.length; i++) if (isDtLink(dt, all[i]!)) return all[i]!;
  return null;
}

function isDtLink(dt: Element, a: Element): boolean {
  const parent = a.parentNode;
  return parent === dt || parent?.parentNode === dt;
}

/**
 * The id of a listing `<dt>` and whether it offers a PDF: the text of its abs link ("arXiv:2505.00001"), else
 * the dt's text, else any /abs/ link's href; the PDF link by its title, else its href.
 */
function readDt(dt: Element): { id: string | null; pdf: boolean } {
  const abs = dtLink(dt, 'a[title="Abstract"]');
  let label = abs ? ARXIV_LABEL.exec(abs.textContent ?? '')?.[1] : undefined;
  let id: string | null;
  // The label's capture is already canonical (no version); old-style ids are lower-cased.
  if (label) id = label.includes('/') ? label.toLowerCase() : label;
  else {
    label = ARXIV_LABEL.exec(dt.textContent ?? '')?.[1];
    id = label ? parseArxivId(label) : parseArxivId(dt.querySelector('a[href*="/abs/"]')?.getAttribute('href'));
  }
  const pdf =
    id !== null && (dtLink(dt, 'a[title="Download PDF"]') !== null || dt.querySelector('a[href*="/pdf/"]') !== null);
  return { id, pdf };
}

/** Author names: the text of each link in `div.list-authors`, in order. */
function linkTexts(el: Element): string[] {
  const names: string[] = [];
  for (let a = el.firstElementChild; a; a = a.nextElementSibling) {
    if (a.tagName !== 'A') continue;
    const name = tidy(a.textContent);
    if (name) names.push(name);
  }
  return names;
}

/** `LEADING_LABEL`, sticky: its `lastIndex` after a test is where the text after the label starts. */
const LEADING_LABEL_AT = new RegExp(LEADING_LABEL.source, 'iy');
const NOT_A_NAME = /[():;]/g;
/** Whitespace that trimming a part does not remove and `tidy` would change: runs, line breaks, tabs, nbsp. */
const INNER_UNTIDY = /\s\s|[\t\n\r\f\v\u00a0]/;

/**
 * Author names of a `div.list-authors` whose text was already read. The links are the names; when the text
 * splits at its commas into exactly one part per link and holds nothing else (no affiliation in parentheses),
 * the parts are those names and no link needs reading. Indexes into the text rather than `replace`/`split`:
 * both copy a page string, and this runs for every entry of a listing.
 */
function authorNames(el: Element, text: string): string[] {
  let links = el.childElementCount;
  if (links > 0 && el.firstElementChild?.tagName !== 'A') links--; // the "Authors:" label of older pages
  if (links <= 0) return [];
  LEADING_LABEL_AT.lastIndex = 0;
  const start = LEADING_LABEL_AT.test(text) ? LEADING_LABEL_AT.lastIndex : 0;
  NOT_A_NAME.lastIndex = start;
  if (NOT_A_NAME.test(text) || countOf(text, ',', start) !== links - 1) return linkTexts(el);
  // Trimmed parts of tidy text are tidy: one test for the whole text instead of one per name.
  const tidyText = !INNER_UNTIDY.test(start === 0 ? text : text.slice(start));
  const names: string[] = [];
  for (let from = start; names.length < links;) {
    let to = text.indexOf(',', from);
    if (to < 0) to = text.length;
    const part = text.slice(from, to).trim();
    if (!part) return linkTexts(el);
    names.push(tidyText ? part : tidy(part));
    from = to + 1;
  }
  return names;
}

/** How often `char` occurs in `text` from `start` on. */
function countOf(text: string, char: string, start: number): number {
  let count = 0;
  for (let i = text.indexOf(char, start); i >= 0; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/**
 * The fields of a listing `<dd>`, in one walk over the children of its `div.meta` (or of the dd itself), one
 * text read per child: each field is known by the label it starts with ("Title:", "Journal-ref:",
 * "Subjects:"), the abstract is the `<p>`, and the unlabelled block after the title holds the authors (current
 * markup; older pages label it "Authors:"). Class names are the fallback when labels are missing: labels and
 * classes are independent signals.
 */
function readDd(dd: Element): {
  title: string;
  authors: string[];
  abstract?: string;
  categories?: string[];
  venue?: string;
  doi?: string | null;
  titleEl?: Element;
} {
  let meta: Element = dd;
  const first = dd.firstElementChild;
  if (first?.tagName === 'DIV' && first.firstElementChild?.tagName === 'DIV') meta = first;
  const out: ReturnType<typeof readDd> = { title: '', authors: [] };
  let authorsEl: Element | undefined;
  let authorsText = '';
  for (let el = meta.firstElementChild; el; el = el.nextElementSibling) {
    const text = el.textContent ?? '';
    if (el.tagName === 'P') {
      out.abstract = normalizeSpace(text);
      continue;
    }
    const label = leadingLabel(text);
    if (label === 'title') {
      out.titleEl = el;
      out.title = normalizeTitle(afterLabel(text));
    } else if (label === 'subjects') {
      const codes = categoriesFrom(text);
      if (codes.length) out.categories = codes;
    } else if (label === 'journal-ref') {
      out.venue = afterLabel(text);
      out.doi ??= parseDoi(out.venue);
    } else if (label === 'doi') {
      out.doi = parseDoi(text) ?? out.doi;
    } else if (
      label === 'authors' ||
      (label === undefined && !authorsEl && (out.titleEl || el.className.includes('list-authors')))
    ) {
      authorsEl = el;
      authorsText = text;
    }
  }
  if (!out.titleEl) {
    const titleEl = dd.querySelector('.list-title');
    if (titleEl) {
      out.titleEl = titleEl;
      out.title = normalizeTitle(titleEl.textContent);
    }
  }
  if (!authorsEl) {
    authorsEl = dd.querySelector('.list-authors') ?? undefined;
    authorsText = authorsEl?.textContent ?? '';
  }
  if (authorsEl) out.authors = authorNames(authorsEl, authorsText);
  return out;
}

/** A section's date from the `<h3>` just before its dl (pre-2024 markup; current pages head the dl inside it). */
function sectionDate(dl: Element, pageDate: string | undefined): string | undefined {
  const before = dl.previousElementSibling;
  if (before?.tagName === 'H3') return headingDay(before.textContent) ?? pageDate;
  return pageDate;
}

function detectListing(doc: Document, options?: DetectOptions): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  const pageDate = listingPageDate(doc);
  const dls = doc.getElementsByTagName('dl');
  for (let d = 0; d < dls.length; d++) {
    const dl = dls[d]!;
    let date = sectionDate(dl, pageDate);
    // One pass over the dl's children pairs each dt with the dd after it and picks up section headings. An array
    // rather than sibling links: a dl holds thousands of children, and some DOMs find an element's next sibling
    // by searching its parent.
    const children = Array.from(dl.children);
    for (let i = 0; i < children.length; i++) {
      const el = children[i]!;
      // Tag names, not `instanceof`: the document may come from another realm (a parser, a frame).
      const tag = el.tagName;
      if (tag === 'H3') {
        date = headingDay(el.textContent) ?? date;
        continue;
      }
      const dd = children[i + 1] as HTMLElement | undefined;
      if (tag !== 'DT' || dd?.tagName !== 'DD') continue;
      i++;
      const entry = listingEntry(el as HTMLElement, dd, date, seen, options);
      if (entry) entries.push(entry);
    }
  }
  return entries;
}

/**
 * The entry of one dt/dd pair (one already read comes from the cache), or null when it has no id or title or its
 * paper was seen earlier on the page; adds its id to `seen`.
 */
function listingEntry(
  dt: HTMLElement,
  dd: HTMLElement,
  date: string | undefined,
  seen: Set<string>,
  options: DetectOptions | undefined,
): DetectedEntry | null {
  const known = options?.isKnown?.(dd) ? cache.get(dd) : undefined;
  if (known) {
    if (seen.has(known.id)) return null;
    seen.add(known.id);
    return { paper: known, root: dd, anchor: dd.querySelector('.list-title') ?? undefined, parts: [dt, dd] };
  }
  const { id, pdf } = readDt(dt);
  if (!id || seen.has(id)) return null;
  const fields = readDd(dd);
  if (!fields.title) return null;
  seen.add(id);
  const paper = paperOf({
    id,
    title: fields.title,
    authors: fields.authors,
    abstract: fields.abstract,
    categories: fields.categories,
    venue: fields.venue,
    date,
    doi: fields.doi,
    pdfUrl: pdf ? `${ORIGIN}/pdf/${id}` : undefined,
  });
  cache.set(dd, paper);
  return { paper, root: dd, anchor: fields.titleEl, parts: [dt, dd] };
}

// ---------------------------------------------------------------------------------------------------------------
// Search results

/** Text of an abstract span without its "▽ More" / "△ Less" toggle link. */
function abstractText(span: Element): string {
  let text = '';
  for (let node = span.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).tagName === 'A') continue;
    text += node.textContent ?? '';
  }
  return normalizeSpace(text);
}

/** The abstract of a result: the full span, else the paragraph minus its label and a truncated short span. */
function searchAbstract(li: Element): string | undefined {
  const full = li.querySelector('.abstract-full');
  if (full) return abstractText(full) || undefined;
  const p = li.querySelector('p.abstract');
  if (!p) return undefined;
  let text = '';
  for (let node = p.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const el = node as Element;
      // The label is a bold span; a lone short span is cut ("…") and not the abstract.
      if (el.tagName === 'A' || el.classList.contains('has-text-black-bis') || el.classList.contains('abstract-short'))
        continue;
    }
    text += node.textContent ?? '';
  }
  const abstract = normalizeSpace(text).replace(/^:\s*/, '');
  return abstract || undefined;
}

/** The first (v1) submission date of a result: "Submitted 18 Sep, 2026; v1 submitted 21 February, 2026; …". */
function searchDate(li: Element): string | undefined {
  for (const p of Array.from(li.getElementsByTagName('p'))) {
    const text = normalizeSpace(p.textContent);
    if (!/^Submitted\b/i.test(text)) continue;
    const v1 = /v1 submitted\s+([^;]+)/i.exec(text)?.[1];
    return isoDate(v1 ?? /^Submitted\s+([^;]+)/i.exec(text)?.[1]);
  }
  return undefined;
}

/** "Journal ref:" line of a result (its label is a bold span inside `p.comments`). */
function searchJournalRef(li: Element): string | undefined {
  for (const p of Array.from(li.querySelectorAll('p.comments'))) {
    const label = p.firstElementChild;
    if (!label || !/^Journal ref/i.test(normalizeSpace(label.textContent))) continue;
    let text = '';
    for (let node = label.nextSibling; node; node = node.nextSibling) text += node.textContent ?? '';
    return normalizeSpace(text) || undefined;
  }
  return undefined;
}

function searchResultRoots(doc: Document): Element[] {
  const results = Array.from(doc.querySelectorAll('li.arxiv-result'));
  if (results.length) return results;
  // Class renamed: results are still list items whose first line links an abstract page.
  const roots: Element[] = [];
  for (const a of Array.from(doc.querySelectorAll('ol li a[href*="arxiv.org/abs/"], ol li a[href^="/abs/"]'))) {
    const li = a.closest('li');
    if (li && !roots.includes(li)) roots.push(li);
  }
  return roots;
}

function detectSearch(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  for (const li of searchResultRoots(doc)) {
    const titleEl = li.querySelector('p.title') ?? undefined;
    const known = options?.isKnown?.(li) ? cache.get(li) : undefined;
    if (known) {
      if (seen.has(known.id)) continue;
      seen.add(known.id);
      entries.push({ paper: known, root: li as HTMLElement, anchor: titleEl });
      continue;
    }
    const links = li.querySelector('.list-title') ?? li;
    const absLink = links.querySelector('a[href*="/abs/"]');
    const id = parseArxivId(absLink?.getAttribute('href')) ?? parseArxivId(absLink?.textContent);
    const title = normalizeTitle(titleEl?.textContent);
    if (!id || !title || seen.has(id)) continue;
    seen.add(id);
    const pdf = links.querySelector('a[href*="/pdf/"]')?.getAttribute('href');
    const categories: string[] = [];
    for (const tag of Array.from(li.querySelectorAll('.tags span.tag'))) {
      const code = normalizeSpace(tag.textContent);
      if (CATEGORY_TAG.test(code) && code !== 'doi' && !categories.includes(code)) categories.push(code);
      if (categories.length === MAX_CATEGORIES) break;
    }
    const doiLink = li.querySelector('.tags a[href*="doi.org/10."]');
    const paper = paperOf({
      id,
      title,
      authors: Array.from(li.querySelectorAll('p.authors a'), (a) => normalizeSpace(a.textContent)).filter(Boolean),
      abstract: searchAbstract(li),
      categories,
      venue: searchJournalRef(li),
      date: searchDate(li),
      doi: parseDoi(doiLink?.getAttribute('href') ?? doiLink?.textContent),
      pdfUrl: absoluteUrl(pdf, url) || undefined,
    });
    cache.set(li, paper);
    entries.push({ paper, root: li as HTMLElement, anchor: titleEl });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Abstract page

function meta(doc: Document, name: string): string | undefined {
  return normalizeSpace(doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')) || undefined;
}

/** "Heibi, Ivan" (citation_author) → "Ivan Heibi", the order the page shows names in. */
function displayName(citationName: string): string {
  const parts = citationName.split(',');
  return parts.length === 2 ? normalizeSpace(`${parts[1]} ${parts[0]}`) : normalizeSpace(citationName);
}

function detectAbstractPage(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const titleEl = doc.querySelector('h1.title');
  const root = (titleEl?.closest('#abs') ?? doc.getElementById('abs') ?? titleEl?.parentElement) as HTMLElement | null;
  if (!root) return [];
  const known = options?.isKnown?.(root) ? cache.get(root) : undefined;
  if (known) return [{ paper: known, root, anchor: titleEl ?? undefined }];

  const id =
    parseArxivId(meta(doc, 'citation_arxiv_id')) ??
    parseArxivId(root.querySelector('.arxivid a, td.arxivid a')?.getAttribute('href')) ??
    parseArxivId(url.pathname.replace(/^\/abs\//, ''));
  const title = normalizeTitle(titleEl ? textWithoutLabel(titleEl) : meta(doc, 'citation_title'));
  if (!id || !title) return [];

  const authorsEl = root.querySelector('.authors');
  let authors = authorsEl
    ? Array.from(authorsEl.getElementsByTagName('a'), (a) => normalizeSpace(a.textContent)).filter(Boolean)
    : [];
  if (!authors.length) {
    authors = Array.from(doc.querySelectorAll('meta[name="citation_author"]'), (m) =>
      displayName(m.getAttribute('content') ?? ''),
    ).filter(Boolean);
  }
  const abstractEl = root.querySelector('blockquote.abstract');
  const abstract = (abstractEl ? textWithoutLabel(abstractEl) : '') || meta(doc, 'citation_abstract');
  const subjects = root.querySelector('td.subjects')?.textContent;
  const jref = root.querySelector('td.jref');
  // The arXiv-issued DataCite DOI (10.48550/arXiv.<id>) names the preprint itself, not a publication.
  const doiCell = root.querySelector('td.doi');
  const doi =
    parseDoi(doiCell?.querySelector('a')?.getAttribute('href') ?? doiCell?.textContent) ??
    parseDoi(meta(doc, 'citation_doi'));
  const dateline = normalizeSpace(root.querySelector('.dateline')?.textContent);
  const pdf =
    meta(doc, 'citation_pdf_url') ?? root.querySelector('a.download-pdf, a[href^="/pdf/"]')?.getAttribute('href');

  const paper = paperOf({
    id,
    title,
    authors,
    abstract,
    categories: subjects ? categoriesFrom(subjects) : undefined,
    venue: jref ? normalizeSpace(jref.textContent) : undefined,
    // citation_date is the first version's date, as is "Submitted on …" in the dateline.
    date: isoDate(meta(doc, 'citation_date')) ?? headingDay(/Submitted on ([^(\]]+)/i.exec(dateline)?.[1]),
    doi: doi && !ARXIV_DOI.test(doi) ? doi : undefined,
    pdfUrl: absoluteUrl(pdf, url) || undefined,
  });
  cache.set(root, paper);
  return [{ paper, root, anchor: titleEl ?? undefined }];
}

// ---------------------------------------------------------------------------------------------------------------

function detect(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const path = url.pathname;
  if (path.startsWith('/abs/')) return detectAbstractPage(doc, url, options);
  if (path.startsWith('/search')) return detectSearch(doc, url, options);
  return detectListing(doc, options);
}

/**
 * Distinct papers the page links to with an "arXiv:<id>" or "Abstract" link, wherever they sit: a second count
 * that does not depend on the dl/dt/dd or li structure detect() walks.
 */
function expectedCount(doc: Document, url: URL): number {
  if (url.pathname.startsWith('/abs/')) return doc.querySelector('meta[name="citation_arxiv_id"], h1.title') ? 1 : 0;
  const ids = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href*="/abs/"]'))) {
    if (a.getAttribute('title') !== 'Abstract' && !/^\s*arXiv:/.test(a.textContent ?? '')) continue;
    const id = parseArxivId(a.getAttribute('href'));
    if (id) ids.add(id);
  }
  return ids.size;
}

/** Pages with paper entries: not the search or catchup forms, not author feeds, not bare category indexes. */
function accepts(url: URL): boolean {
  const path = url.pathname;
  if (path.startsWith('/list/')) return /^\/list\/[^/]+\/[^/]+/.test(path);
  if (path.startsWith('/abs/')) return parseArxivId(path.slice(5)) !== null;
  if (path.startsWith('/search')) return /(?:^|&)(?:query|terms-0-term)=[^&]/.test(url.search.slice(1));
  if (path.startsWith('/catchup'))
    return /^\/catchup\/[^/]+\/\d{4}-\d{2}-\d{2}/.test(path) || url.search.includes('sday=');
  if (path.startsWith('/a/')) return /^\/a\/[^/.]+(?:\.html)?$/.test(path);
  return false;
}

export const arxiv: SiteAdapter = {
  id: SITE,
  name: 'arXiv',
  matches: [
    'https://arxiv.org/list/*',
    'https://arxiv.org/abs/*',
    'https://arxiv.org/search/*',
    'https://arxiv.org/catchup*',
    'https://arxiv.org/a/*',
  ],
  exampleUrls: [
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/list/cs.LG/recent?skip=0&show=25',
    'https://arxiv.org/list/cs.CL/2025-05?skip=0&show=50',
    'https://arxiv.org/search/?query=retrieval+augmented+generation&searchtype=all',
    'https://arxiv.org/abs/2602.18733',
    'https://arxiv.org/a/zibetti_s_1',
  ],
  accepts,
  detect,
  expectedCount,
};
