import type { DetectedEntry, PaperEntry } from '../schema/paper';
import type { DetectOptions, SiteAdapter } from './types';
import {
  canonicalId,
  isoDate,
  normalizeSpace,
  normalizeTitle,
  parseArxivId,
  parseDoi,
  absoluteUrl,
  metaContent,
  citationName,
} from './text';

// NOTE: the NeurIPS proceedings (papers.nips.cc, also served as proceedings.neurips.cc) list a year at
// /paper_files/paper/<year> as `ul.paper-list > li`, one per paper, the `li` class naming the track
// (`conference`, `datasets_and_benchmarks`, …; newer pages repeat it in `data-track` and show it in
// `span.paper-track-badge`). Each `li` has the title link `a[title="paper title"]` to
// /paper_files/paper/<year>/hash/<hash>-Abstract-<Track>.html (`-Abstract.html` before 2022) and the authors in
// an `i` (newer pages: `div.paper-content` > `span.paper-authors`). The hash is the paper's stable id. A paper's
// page has Highwire `citation_*` meta tags, the title in the first `h4`, "Part of <a>Advances in Neural
// Information Processing Systems 36 (NeurIPS 2023)</a> Main Conference Track", and `h4` "Authors" / "Abstract"
// followed by their paragraphs. The abstract is written as `<p class="paper-abstract"><p>…</p></p>`, which
// parsers split into an empty `p.paper-abstract` followed by the text's own `p`.

const SOURCE = 'neurips';
const HASH_LINK = /\/paper_files\/paper\/(\d{4})\/hash\/([0-9a-f]{16,40})-Abstract(?:-([\w]+))?\.html/i;
const YEAR_PATH = /^\/paper_files\/paper\/(\d{4})\/?$/;

const cache = new WeakMap<Element, PaperEntry>();

/** The track as the page names it, from the abstract link's suffix (`Datasets_and_Benchmarks_Track`). */
function trackFromSuffix(suffix: string | undefined): string | undefined {
  if (!suffix || /^conference$/i.test(suffix)) return undefined;
  const words = suffix.replace(/_/g, ' ');
  return /track$/i.test(words) ? words : `${words} Track`;
}

/** "NeurIPS 2023", with the track appended unless it is the main conference track. */
function venueOf(year: string, track: string | undefined): string {
  const t = normalizeSpace(track);
  return t && t.length <= MAX_LABEL && !/^main( conference)?( track)?$/i.test(t)
    ? `NeurIPS ${year} ${t}`
    : `NeurIPS ${year}`;
}

/** Longest name or label taken from the page: anything longer is not what we think it is. */
const MAX_LABEL = 200;

function splitAuthors(text: string | null | undefined): string[] {
  return normalizeSpace(text)
    .split(/\s*,\s*/)
    .filter((a) => a && a.length <= MAX_LABEL);
}

/** The title link, authors and track badge of a list item, found by walking its (one or two levels of) children. */
function partsOf(li: Element): { link?: Element; authors?: Element; badge?: Element } {
  const found: { link?: Element; authors?: Element; badge?: Element } = {};
  // Element walks instead of querySelector: the list can hold thousands of items (tag names are cheap to read).
  const visit = (parent: Element, depth: number): void => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      const tag = el.tagName;
      if (tag === 'A') found.link ??= el;
      else if (tag === 'I') found.authors ??= el;
      else if (tag === 'SPAN') {
        const cls = el.className;
        if (cls.includes('paper-authors')) found.authors ??= el;
        else if (cls.includes('track-badge')) found.badge ??= el;
      } else if (depth === 0 && tag === 'DIV') visit(el, 1);
    }
  };
  visit(li, 0);
  return found;
}

function fromParts(
  link: Element,
  authors: Element | undefined,
  badge: Element | undefined,
  url: URL,
  origin: string,
): PaperEntry | null {
  const rawHref = link.getAttribute('href') ?? '';
  const m = HASH_LINK.exec(rawHref);
  const title = normalizeTitle(link.textContent);
  if (!m?.[1] || !m[2] || !title) return null;
  const href = rawHref.startsWith('/') ? origin + rawHref : absoluteUrl(rawHref, url);
  const track = normalizeSpace(badge?.textContent) || trackFromSuffix(m[3]);
  return {
    id: canonicalId({ site: SOURCE, siteId: m[2].toLowerCase() }),
    source: SOURCE,
    url: href.replace(/[?#].*$/, ''),
    title,
    authors: splitAuthors(authors?.textContent),
    venue: venueOf(m[1], track),
    date: m[1],
  };
}

function detectYear(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  const origin = url.origin;
  // The list's items; if the list lost its class, the items that hold an abstract link.
  let items = Array.from(doc.querySelectorAll('ul.paper-list > li'));
  if (!items.length) {
    items = Array.from(doc.querySelectorAll('li a[href*="/hash/"]'), (a) => a.closest('li')).filter(
      (li): li is HTMLLIElement => li !== null,
    );
  }
  for (const item of items) {
    const root = item as HTMLElement;
    const { link, authors, badge } = partsOf(root);
    if (!link) continue;
    const cached = options?.isKnown?.(root) ? cache.get(root) : undefined;
    const paper = cached ?? fromParts(link, authors, badge, url, origin);
    if (!paper || seen.has(paper.id)) continue;
    seen.add(paper.id);
    cache.set(root, paper);
    entries.push({ paper, root, anchor: link });
  }
  return entries;
}

/** The text of the paragraphs that follow a heading, up to the next heading. */
function textAfter(heading: Element | undefined): string {
  let text = '';
  for (let el = heading?.nextElementSibling; el && !/^H\d$/.test(el.tagName); el = el.nextElementSibling) {
    text += ` ${el.textContent ?? ''}`;
  }
  return normalizeSpace(text);
}

function detectPaperPage(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const m = HASH_LINK.exec(url.pathname);
  if (!m?.[1] || !m[2]) return [];
  const headings = Array.from(doc.querySelectorAll('h4'));
  const label = (h: Element) => normalizeSpace(h.textContent).toLowerCase();
  const titleHeading = headings.find((h) => !['authors', 'abstract', 'bibtex'].includes(label(h)));
  const title = normalizeTitle(metaContent(doc, 'citation_title') || titleHeading?.textContent);
  const root = (titleHeading?.parentElement ?? null) as HTMLElement | null;
  if (!title || !root) return [];
  const cached = options?.isKnown?.(root) ? cache.get(root) : undefined;
  if (cached) return [{ paper: cached, root, anchor: titleHeading }];

  const shownAuthors = splitAuthors(textAfter(headings.find((h) => label(h) === 'authors')));
  const authors = shownAuthors.length
    ? shownAuthors
    : Array.from(doc.querySelectorAll('meta[name="citation_author"]'), (a) =>
        citationName(normalizeSpace(a.getAttribute('content'))),
      ).filter(Boolean);
  const abstract =
    textAfter(headings.find((h) => label(h) === 'abstract')) ||
    normalizeSpace(root.querySelector('.paper-abstract')?.textContent);
  // "Part of … (NeurIPS 2023) Main Conference Track": the track is the text after the volume link.
  const partOf = Array.from(root.querySelectorAll('p')).find((p) => /^Part of\b/i.test(normalizeSpace(p.textContent)));
  const volumeLink = partOf?.querySelector('a');
  const track = volumeLink
    ? normalizeSpace(normalizeSpace(partOf?.textContent).split(normalizeSpace(volumeLink.textContent))[1])
    : trackFromSuffix(m[3]);
  const year = /\bNeurIPS (\d{4})\b/.exec(normalizeSpace(volumeLink?.textContent))?.[1] ?? m[1];
  const date = isoDate(metaContent(doc, 'citation_publication_date')) ?? year;
  const doi = parseDoi(metaContent(doc, 'citation_doi'));
  const arxivId = parseArxivId(metaContent(doc, 'citation_arxiv_id'));
  const pdf =
    metaContent(doc, 'citation_pdf_url') ||
    root.querySelector('a[href$="-Paper.pdf"], a[href*="-Paper-"]')?.getAttribute('href');
  const paper: PaperEntry = {
    id: canonicalId({ arxivId, doi, site: SOURCE, siteId: m[2].toLowerCase() }),
    source: SOURCE,
    url: `${url.origin}${url.pathname}`,
    title,
    authors,
    ...(abstract ? { abstract } : {}),
    venue: venueOf(year, track),
    date,
    ...(doi ? { doi } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(pdf ? { pdfUrl: absoluteUrl(pdf, url) } : {}),
  };
  cache.set(root, paper);
  return [{ paper, root, anchor: titleHeading }];
}

function detect(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  return HASH_LINK.test(url.pathname) ? detectPaperPage(doc, url, options) : detectYear(doc, url, options);
}

/** Papers by an independent signal: the distinct hashes in abstract links anywhere on the page. */
function expectedCount(doc: Document, url: URL): number {
  if (HASH_LINK.test(url.pathname)) return doc.querySelector('meta[name="citation_title"]') ? 1 : 0;
  const hashes = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href*="-Abstract"]'))) {
    const hash = HASH_LINK.exec(a.getAttribute('href') ?? '')?.[2];
    if (hash) hashes.add(hash.toLowerCase());
  }
  return hashes.size;
}

export const neurips: SiteAdapter = {
  id: SOURCE,
  name: 'NeurIPS Proceedings',
  matches: [
    'https://papers.nips.cc/paper_files/paper/*',
    'https://proceedings.neurips.cc/paper_files/paper/*',
    'https://papers.neurips.cc/paper_files/paper/*',
  ],
  exampleUrls: [
    'https://papers.nips.cc/paper_files/paper/2023',
    'https://proceedings.neurips.cc/paper_files/paper/2024',
    'https://papers.nips.cc/paper_files/paper/2023/hash/a85b405ed65c6477a4fe8302b5e06ce7-Abstract-Conference.html',
  ],
  // Year listings and abstract pages; not the PDFs, bibtex and supplements under /file/.
  accepts: (url) => YEAR_PATH.test(url.pathname) || HASH_LINK.test(url.pathname),
  detect,
  expectedCount,
};
