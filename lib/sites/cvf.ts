import type { DetectedEntry, PaperEntry } from '../schema/paper';
import type { DetectOptions, SiteAdapter } from './types';
import {
  canonicalId,
  normalizeSpace,
  normalizeTitle,
  parseArxivId,
  absoluteUrl,
  metaContent,
  citationName,
} from './text';

// NOTE: CVF open access (openaccess.thecvf.com) lists a conference at /CVPR2024?day=all (CVPR and ICCV since
// 2019 split by day; WACV, ACCV and older years list everything at /WACV2024) and workshops at
// /CVPR2024_workshops/<workshop>, inside `div#content > dl`: per paper a `dt.ptitle` holding the title link to
// /content/CVPR2024/html/<key>_paper.html (/content_cvpr_2018/html/… before 2020), then a `dd` of authors
// (`form.authsearch` per author, with the name in `input[name="query_author"]` and in the link), then a `dd` of
// links: [pdf], [supp], [arXiv] (http://arxiv.org/abs/<id>, when the paper has one) and the BibTeX in
// `div.bibref`. No element wraps a paper, so the `dt` is the entry's root and the `dd`s its parts. A paper's
// page (/content/…/html/<key>_paper.html) has Highwire `citation_*` meta tags, `div#papertitle`, `div#authors`
// ("<b><i>names</i></b>; Proceedings of …"), `div#abstract` and the same links.

const SOURCE = 'cvf';
const PAPER_PATH = /\/content(?:_[a-z]+_\d{4}(?:_workshops)?)?\/(?:[\w-]+\/)*html\/(?:[\w-]+\/)*([^/]+?)_paper\.html$/i;
const LISTING_PATH = /^\/([A-Z]+)(\d{4})(?:\.py)?\/?$/;
const WORKSHOP_PATH = /^\/[A-Z]+\d{4}_workshops\/(?!menu\b)[\w-]+(?:\.py)?\/?$/;
const VENUE_IN_PATH = [
  /\/content\/([A-Z]+)(\d{4})(W?)\//, // /content/CVPR2024/…, /content/CVPR2024W/ABAW/…
  /\/content_([a-z]+)_(\d{4})(_workshops)?\//i, // /content_cvpr_2018/…, /content_ICCV_2017/…
];

/** Longest name taken from the page: anything longer is not what we think it is. */
const MAX_LABEL = 300;

const cache = new WeakMap<Element, PaperEntry>();

/** "CVPR 2024" (or "CVPR 2024 Workshops") from a paper link's path, as the page heads itself. */
function venueOf(href: string): { venue?: string; year?: string } {
  for (const re of VENUE_IN_PATH) {
    const m = re.exec(href);
    if (m?.[1] && m[2]) return { venue: `${m[1].toUpperCase()} ${m[2]}${m[3] ? ' Workshops' : ''}`, year: m[2] };
  }
  return {};
}

function authorsIn(dd: Element | undefined): string[] {
  if (!dd) return [];
  // The hidden inputs hold the clean names; the links repeat them; plain text is the last resort.
  const fromInputs = Array.from(dd.querySelectorAll('input[name="query_author"]'), (i) =>
    normalizeSpace(i.getAttribute('value')),
  ).filter((a) => a && a.length <= MAX_LABEL);
  if (fromInputs.length) return fromInputs;
  const fromLinks = Array.from(dd.querySelectorAll('form a, a'), (a) => normalizeSpace(a.textContent)).filter(
    (a) => a && a.length <= MAX_LABEL,
  );
  if (fromLinks.length) return fromLinks;
  return normalizeSpace(dd.textContent)
    .split(',')
    .map((a) => normalizeSpace(a))
    .filter((a) => a && a.length <= MAX_LABEL);
}

function linkNamed(links: Element[], name: RegExp): Element | undefined {
  return links.find((a) => name.test(normalizeSpace(a.textContent)));
}

function fromListing(dt: Element, dds: Element[], url: URL): PaperEntry | null {
  const link = dt.querySelector('a[href]');
  const href = absoluteUrl(link?.getAttribute('href'), url);
  const key = PAPER_PATH.exec(href.replace(/[?#].*$/, ''))?.[1];
  const title = normalizeTitle(link?.textContent);
  if (!key || !title) return null;
  const links = dds.flatMap((dd) => Array.from(dd.querySelectorAll('a[href]')));
  const arxivLink = links.find((a) => /arxiv\.org\/abs\//i.test(a.getAttribute('href') ?? ''));
  const arxivId = parseArxivId(arxivLink?.getAttribute('href'));
  const pdf = linkNamed(links, /^pdf$/i);
  // The authors' dd is the one with the author-search forms (or, failing that, the first).
  const authorsDd = dds.find((dd) => dd.querySelector('form, input[name="query_author"]')) ?? dds[0];
  const { venue, year } = venueOf(href);
  return {
    id: canonicalId({ arxivId, site: SOURCE, siteId: key }),
    source: SOURCE,
    url: href.replace(/[?#].*$/, ''),
    title,
    authors: authorsIn(authorsDd),
    ...(venue ? { venue } : {}),
    ...(year ? { date: year } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(pdf ? { pdfUrl: absoluteUrl(pdf.getAttribute('href'), url) } : {}),
  };
}

function detectListing(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('dt.ptitle'))) {
    const dt = el as HTMLElement;
    const dds: HTMLElement[] = [];
    for (let sib = dt.nextElementSibling; sib?.tagName === 'DD'; sib = sib.nextElementSibling) {
      dds.push(sib as HTMLElement);
    }
    const paper = (options?.isKnown?.(dt) ? cache.get(dt) : undefined) ?? fromListing(dt, dds, url);
    if (!paper || seen.has(paper.id)) continue;
    seen.add(paper.id);
    cache.set(dt, paper);
    entries.push({ paper, root: dt, parts: [dt, ...dds] });
  }
  return entries;
}

function detectPaperPage(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const key = PAPER_PATH.exec(url.pathname)?.[1];
  const titleEl = doc.querySelector('#papertitle');
  const title = normalizeTitle(metaContent(doc, 'citation_title') || titleEl?.textContent);
  const root = (titleEl?.parentElement ?? null) as HTMLElement | null;
  if (!key || !title || !root) return [];
  const cached = options?.isKnown?.(root) ? cache.get(root) : undefined;
  if (cached) return [{ paper: cached, root, anchor: titleEl ?? undefined }];
  const authorsEl = root.querySelector('#authors');
  // "<b><i>A, B</i></b>; Proceedings of …": the names are in the italic part, before the semicolon.
  const shown = normalizeSpace((authorsEl?.querySelector('i') ?? authorsEl)?.textContent).split(';')[0] ?? '';
  const authors = shown
    ? shown
        .split(',')
        .map((a) => normalizeSpace(a))
        .filter((a) => a && a.length <= MAX_LABEL)
    : Array.from(doc.querySelectorAll('meta[name="citation_author"]'), (m) =>
        citationName(normalizeSpace(m.getAttribute('content'))),
      ).filter(Boolean);
  const links = Array.from(root.querySelectorAll('a[href]'));
  const arxivId = parseArxivId(
    links.find((a) => /arxiv\.org\/abs\//i.test(a.getAttribute('href') ?? ''))?.getAttribute('href'),
  );
  const abstract = normalizeSpace(root.querySelector('#abstract')?.textContent);
  const { venue, year } = venueOf(url.pathname);
  const date = /\b(?:19|20)\d{2}\b/.exec(metaContent(doc, 'citation_publication_date'))?.[0] ?? year;
  const pdf = metaContent(doc, 'citation_pdf_url') || linkNamed(links, /^pdf$/i)?.getAttribute('href');
  const paper: PaperEntry = {
    id: canonicalId({ arxivId, site: SOURCE, siteId: key }),
    source: SOURCE,
    url: `${url.origin}${url.pathname}`,
    title,
    authors,
    ...(abstract ? { abstract } : {}),
    ...(venue ? { venue } : {}),
    ...(date ? { date } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(pdf ? { pdfUrl: absoluteUrl(pdf, url) } : {}),
  };
  cache.set(root, paper);
  return [{ paper, root, anchor: titleEl ?? undefined }];
}

function detect(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  return PAPER_PATH.test(url.pathname) ? detectPaperPage(doc, url, options) : detectListing(doc, url, options);
}

/** Papers by an independent signal: the distinct `_paper.html` links on the page. */
function expectedCount(doc: Document, url: URL): number {
  if (PAPER_PATH.test(url.pathname)) return doc.querySelector('meta[name="citation_title"]') ? 1 : 0;
  const keys = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href$="_paper.html"]'))) {
    const key = PAPER_PATH.exec(a.getAttribute('href') ?? '')?.[1];
    if (key) keys.add(key);
  }
  return keys.size;
}

/** Listing pages that hold papers: CVPR and ICCV split theirs by day since 2019, so only `?day=` pages do. */
function isPaperListing(url: URL): boolean {
  if (WORKSHOP_PATH.test(url.pathname)) return true;
  const m = LISTING_PATH.exec(url.pathname);
  if (!m?.[1] || !m[2]) return false;
  const splitByDay = /^(CVPR|ICCV)$/.test(m[1]) && Number(m[2]) >= 2019;
  return !splitByDay || url.searchParams.has('day');
}

export const cvf: SiteAdapter = {
  id: SOURCE,
  name: 'CVF Open Access',
  matches: [
    'https://openaccess.thecvf.com/CVPR*',
    'https://openaccess.thecvf.com/ICCV*',
    'https://openaccess.thecvf.com/WACV*',
    'https://openaccess.thecvf.com/ECCV*',
    'https://openaccess.thecvf.com/ACCV*',
    'https://openaccess.thecvf.com/content*',
  ],
  exampleUrls: [
    'https://openaccess.thecvf.com/CVPR2024?day=all',
    'https://openaccess.thecvf.com/ICCV2023?day=all',
    'https://openaccess.thecvf.com/WACV2024',
    'https://openaccess.thecvf.com/CVPR2024_workshops/ABAW',
    'https://openaccess.thecvf.com/content/CVPR2024/html/Prach_1-Lipschitz_Layers_Compared_Memory_Speed_and_Certifiable_Robustness_CVPR_2024_paper.html',
  ],
  // Listings that hold papers and paper pages; not the day menus, PDFs or supplements.
  accepts: (url) => PAPER_PATH.test(url.pathname) || isPaperListing(url),
  detect,
  expectedCount,
};
