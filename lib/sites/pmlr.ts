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

// NOTE: PMLR (proceedings.mlr.press) is a Jekyll site, one repository per volume (mlresearch/v235).
// Volume pages (/v235/) carry the heading `h2` "Volume 235: International Conference on Machine Learning,
// 21-27 July 2024, Vienna, Austria" and one `div.paper` per paper: `p.title`, `p.details` with
// `span.authors` (names joined by ",&nbsp;", given and family names joined by "&nbsp;") and `span.info`
// ("Proceedings of the 41st International Conference on Machine Learning, PMLR 235:1-30"), and `p.links`
// with `[abs]` (/v235/<key>.html, the paper's stable id), "Download PDF", and sometimes "Supplementary PDF",
// "OpenReview", "Software". Paper pages (/v235/<key>.html) carry Highwire `citation_*` meta tags, the title in
// `h1`, the authors in `span.authors`, `div#info` and the abstract in `div#abstract`. Reissued volumes live
// under /r<n>/ with the same layout.

const SOURCE = 'pmlr';
const PAPER_PATH = /\/([vr]\d+)\/([^/?#]+?)\.html$/;
const VOLUME_PATH = /^\/[vr]\d+\/?$/;
const INFO_SUFFIX = /,?\s*PMLR\s+[\w.]+:[\w.–-]+.*$/;

const cache = new WeakMap<Element, PaperEntry>();

/** The site id `v235/<key>` from an abs link or a paper page's path. */
function siteIdFrom(href: string): string | null {
  const m = PAPER_PATH.exec(href.replace(/[?#].*$/, ''));
  return m ? `${m[1]}/${m[2]}` : null;
}

/** Longest name or venue taken from the page: anything longer is not what we think it is. */
const MAX_LABEL = 300;

function authorsFrom(el: Element | null): string[] {
  return normalizeSpace(el?.textContent)
    .split(/\s*,\s*/)
    .filter((a) => a && a.length <= MAX_LABEL);
}

/** arXiv id and DOI from the links a paper shows (rare on PMLR, but some volumes link them). */
function linkedIds(links: Element[]): { arxivId: string | null; doi: string | null } {
  let arxivId: string | null = null;
  let doi: string | null = null;
  for (const a of links) {
    const href = a.getAttribute('href') ?? '';
    if (!arxivId && /arxiv\.org\/abs\//i.test(href)) arxivId = parseArxivId(href);
    if (!doi && /doi\.org\//i.test(href)) doi = parseDoi(href);
  }
  return { arxivId, doi };
}

/** The parts of a `div.paper`, by walking its children (thousands per volume: no selector queries). */
function volumeParts(el: Element): { title?: Element; authors?: Element; info?: Element; links: Element[] } {
  const parts: { title?: Element; authors?: Element; info?: Element; links: Element[] } = { links: [] };
  for (let p = el.firstElementChild; p; p = p.nextElementSibling) {
    const cls = p.className;
    if (cls.includes('title')) parts.title ??= p;
    else if (cls.includes('details')) {
      for (let s = p.firstElementChild; s; s = s.nextElementSibling) {
        const c = s.className;
        if (c.includes('authors')) parts.authors ??= s;
        else if (c.includes('info')) parts.info ??= s;
      }
    } else if (cls.includes('links')) {
      for (let a = p.firstElementChild; a; a = a.nextElementSibling) if (a.tagName === 'A') parts.links.push(a);
    }
  }
  // A changed layout: fall back to selectors inside the entry.
  parts.title ??= el.querySelector('.title') ?? undefined;
  if (!parts.links.length) parts.links = Array.from(el.querySelectorAll('a[href]'));
  return parts;
}

function fromVolumeEntry(parts: ReturnType<typeof volumeParts>, url: URL, year: string | undefined): PaperEntry | null {
  const title = normalizeTitle(parts.title?.textContent);
  // One pass over the links, each href read once: abs page, main PDF (supplements are "<key>-supp.pdf"), ids.
  let absHref = '';
  let pdfHref = '';
  let arxivId: string | null = null;
  let doi: string | null = null;
  for (const a of parts.links) {
    const href = a.getAttribute('href') ?? '';
    if (!absHref && PAPER_PATH.test(href)) absHref = href;
    else if (!pdfHref && /\.pdf$/i.test(href) && !/supp/i.test(href)) pdfHref = href;
    else if (!arxivId && /arxiv\.org\/abs\//i.test(href)) arxivId = parseArxivId(href);
    else if (!doi && /doi\.org\//i.test(href)) doi = parseDoi(href);
  }
  const absUrl = absoluteUrl(absHref, url);
  const siteId = siteIdFrom(absUrl);
  if (!title || !siteId) return null;
  const info = normalizeSpace(parts.info?.textContent).replace(INFO_SUFFIX, '');
  const venue = info.length <= MAX_LABEL ? info : '';
  return {
    id: canonicalId({ arxivId, doi, site: SOURCE, siteId }),
    source: SOURCE,
    url: absUrl,
    title,
    authors: authorsFrom(parts.authors ?? null),
    ...(venue ? { venue } : {}),
    ...(year ? { date: year } : {}),
    ...(doi ? { doi } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(pdfHref ? { pdfUrl: absoluteUrl(pdfHref, url) } : {}),
  };
}

function detectVolume(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  // The heading's dates are the conference's; the year is what the volume page shows of a date.
  const heading = normalizeSpace(doc.querySelector('h2')?.textContent);
  const year = /^Volume\b/i.test(heading) ? /\b(19|20)\d{2}\b/.exec(heading)?.[0] : undefined;
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('div.paper'))) {
    const root = el as HTMLElement;
    const parts = volumeParts(root);
    const paper = (options?.isKnown?.(root) ? cache.get(root) : undefined) ?? fromVolumeEntry(parts, url, year);
    if (!paper || seen.has(paper.id)) continue;
    seen.add(paper.id);
    cache.set(root, paper);
    entries.push({ paper, root, anchor: parts.title });
  }
  return entries;
}

function detectPaperPage(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const siteId = siteIdFrom(url.pathname);
  const h1 = doc.querySelector('h1');
  const title = normalizeTitle(metaContent(doc, 'citation_title') || h1?.textContent);
  if (!siteId || !title) return [];
  const abstractEl = doc.querySelector('#abstract, .abstract');
  // A paper page says so in its meta tags or its abstract block; a bare h1 is not enough.
  if (!doc.querySelector('meta[name="citation_title"]') && !abstractEl) return [];
  // The article holds title, authors, info and abstract; without it, the title's parent does.
  const root = (h1?.closest('article') ?? h1?.parentElement ?? abstractEl?.parentElement) as HTMLElement | null;
  if (!root) return [];
  const cached = options?.isKnown?.(root) ? cache.get(root) : undefined;
  if (cached) return [{ paper: cached, root, anchor: h1 ?? undefined }];
  const shown = authorsFrom(root.querySelector('.authors, #authors'));
  const authors = shown.length
    ? shown
    : Array.from(doc.querySelectorAll('meta[name="citation_author"]'), (m) =>
        citationName(normalizeSpace(m.getAttribute('content'))),
      ).filter(Boolean);
  const links = Array.from(root.querySelectorAll('a[href]'));
  const linked = linkedIds(links);
  const doi = parseDoi(metaContent(doc, 'citation_doi')) ?? linked.doi;
  const arxivId = parseArxivId(metaContent(doc, 'citation_arxiv_id')) ?? linked.arxivId;
  const abstract = normalizeSpace(abstractEl?.textContent);
  const venue = (metaContent(doc, 'citation_conference_title') || metaContent(doc, 'citation_journal_title')).slice(
    0,
    MAX_LABEL,
  );
  const date = isoDate(metaContent(doc, 'citation_publication_date'));
  const pdf = metaContent(doc, 'citation_pdf_url');
  const paper: PaperEntry = {
    id: canonicalId({ arxivId, doi, site: SOURCE, siteId }),
    source: SOURCE,
    url: `${url.origin}/${siteId}.html`,
    title,
    authors,
    ...(abstract ? { abstract } : {}),
    ...(venue ? { venue } : {}),
    ...(date ? { date } : {}),
    ...(doi ? { doi } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(pdf ? { pdfUrl: absoluteUrl(pdf, url) } : {}),
  };
  cache.set(root, paper);
  return [{ paper, root, anchor: h1 && root.contains(h1) ? h1 : undefined }];
}

function detect(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  return PAPER_PATH.test(url.pathname) ? detectPaperPage(doc, url, options) : detectVolume(doc, url, options);
}

/** Papers by an independent signal: the distinct abs links (/v235/<key>.html) on the page. */
function expectedCount(doc: Document, url: URL): number {
  if (PAPER_PATH.test(url.pathname)) return doc.querySelector('meta[name="citation_title"]') ? 1 : 0;
  const ids = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href$=".html"]'))) {
    const id = siteIdFrom(absoluteUrl(a.getAttribute('href'), url));
    if (id) ids.add(id);
  }
  return ids.size;
}

export const pmlr: SiteAdapter = {
  id: SOURCE,
  name: 'PMLR (Proceedings of Machine Learning Research)',
  matches: ['https://proceedings.mlr.press/v*', 'https://proceedings.mlr.press/r*'],
  exampleUrls: ['https://proceedings.mlr.press/v235/', 'https://proceedings.mlr.press/v202/kirchenbauer23a.html'],
  // Volume indexes and paper pages only: not the PDFs, assets or bib files under the same prefix.
  accepts: (url) => VOLUME_PATH.test(url.pathname) || PAPER_PATH.test(url.pathname),
  detect,
  expectedCount,
};
