import type { DetectedEntry, PaperEntry } from '../schema/paper';
import type { DetectOptions, SiteAdapter } from './types';
import { canonicalId, isoDate, normalizeSpace, normalizeTitle, parseArxivId, parseDoi } from './text';

// NOTE: every dblp listing (tables of contents /db/conf|journals/…, person pages /pid/…, search results) renders
// publications as `ul.publ-list > li.entry.<type>` whose `id` is the dblp key (`conf/iclr/Smith24`). Inside,
// `nav.publ` holds the electronic-edition links (`li.ee a`, also the first `div.head a`: DOI, arxiv.org/abs,
// publisher PDFs) and `cite.data` the schema.org microdata: `[itemprop=author] [itemprop=name]`, the title in
// `span.title[itemprop=name]` (dblp ends every title with a full stop), `[itemprop=isPartOf]` (journal/series
// name, volume) and `[itemprop=datePublished]` (a span on listings, a `<meta content>` on tables of contents).
// The type class separates papers from what is not one: `editor` (a proceedings volume, also the head entry of
// each table of contents), `data` (artifacts). Year headings are `li.year` in the same list.

const ENTRY_SELECTOR = 'li.entry';
const NOT_A_PAPER = /\b(?:editor|data)\b/;
/** CoRR keys carry the arXiv id with dashes: `journals/corr/abs-2401-12345` is arXiv 2401.12345. */
const CORR_KEY = /^journals\/corr\/abs-(\d{4})-(\d{4,5})$/;

// Broken markup can pour a whole entry into one field: values longer than these are not what they claim to be.
const MAX_TITLE = 2000;
const MAX_NAME = 200;
const MAX_VENUE = 500;

const cache = new WeakMap<Element, PaperEntry>();

/** The dblp key: the entry's id attribute, else the key in its record link (`/rec/<key>.html`). */
function dblpKey(li: Element): string {
  const id = li.getAttribute('id');
  if (id && id.includes('/')) return id;
  const rec = li.querySelector('a[href*="dblp.org/rec/"]')?.getAttribute('href') ?? '';
  return /\/rec\/([^?#]+?)(?:\.html)?(?:[?#].*)?$/.exec(rec)?.[1] ?? '';
}

/** A title as dblp shows it, without the full stop dblp appends (`Attention Is All You Need.`). */
function cleanTitle(raw: string | null | undefined): string {
  const title = normalizeTitle(raw);
  return /[^.]\.$/.test(title) ? title.slice(0, -1) : title;
}

/** The venue as the entry shows it: the isPartOf parts (`J. Mach. Learn. Res. 25`, `ACM Trans. Inf. Syst. 43(2)`). */
function venueOf(cite: Element): string {
  const parts = Array.from(cite.querySelectorAll('[itemprop="isPartOf"]')).filter(
    (part) => !part.parentElement?.closest('[itemprop="isPartOf"]'), // nested: already in its parent's text
  );
  if (parts.length === 0) return '';
  // Journal, volume and issue share one link whose text keeps the punctuation between them: "43(2)".
  const parent = parts[0]!.parentElement;
  if (parent && parent !== cite && parts.every((p) => p.parentElement === parent))
    return normalizeSpace(parent.textContent);
  return parts.map((p) => normalizeSpace(p.textContent)).join(' ');
}

function readEntry(li: Element, key: string, origin: string): PaperEntry | null {
  const cite = li.querySelector('cite');
  if (!cite) return null;
  const title = cleanTitle((cite.querySelector('.title') ?? cite.querySelector('[itemprop="name"]'))?.textContent);
  if (!title || title.length > MAX_TITLE) return null;
  const authors = Array.from(cite.querySelectorAll('[itemprop="author"]'), (a) =>
    normalizeSpace((a.querySelector('[itemprop="name"]') ?? a).textContent),
  ).filter((name) => name && name.length <= MAX_NAME);

  let arxivId: string | null = null;
  let doi: string | null = null;
  let pdfUrl: string | undefined;
  const corr = CORR_KEY.exec(key);
  if (corr) arxivId = `${corr[1]}.${corr[2]}`;
  // The "view" drop-down of nav.publ lists the electronic editions (`li.ee`); older pages only have the head link.
  let links = Array.from(li.querySelectorAll('nav.publ li.ee a[href]'));
  if (links.length === 0) links = Array.from(li.querySelectorAll('nav.publ .head a[href]')).slice(0, 1);
  for (const link of links) {
    const href = link.getAttribute('href') ?? '';
    const linkDoi = /doi\.org\/10\./.test(href) ? parseDoi(href) : null;
    // arXiv's own DOIs (10.48550/arXiv.2401.12345) name the arXiv id too.
    const linkArxiv = /arxiv\.org\/(?:abs|pdf)\//.test(href)
      ? parseArxivId(href.split('arxiv.org/')[1])
      : linkDoi?.startsWith('10.48550/arxiv.')
        ? parseArxivId(linkDoi.slice('10.48550/arxiv.'.length))
        : null;
    arxivId ??= linkArxiv;
    doi ??= linkDoi;
    if (!pdfUrl && /^https?:.*\.pdf(?:$|[?#])/i.test(href)) pdfUrl = href;
  }

  const date = isoDate(
    cite.querySelector('[itemprop="datePublished"]')?.getAttribute('content') ??
      cite.querySelector('[itemprop="datePublished"]')?.textContent,
  );
  const venue = venueOf(cite);
  return {
    id: canonicalId({ arxivId, doi, site: 'dblp', siteId: key }),
    source: 'dblp',
    url: `${origin}/rec/${key}.html`,
    title,
    authors,
    ...(venue && venue.length <= MAX_VENUE ? { venue } : {}),
    ...(date ? { date } : {}),
    ...(doi ? { doi } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(pdfUrl ? { pdfUrl } : {}),
  };
}

function detect(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  const origin = url.origin;
  for (const li of Array.from(doc.querySelectorAll<HTMLElement>(ENTRY_SELECTOR))) {
    if (NOT_A_PAPER.test(li.className)) continue;
    let paper = options?.isKnown?.(li) ? cache.get(li) : undefined;
    if (!paper) {
      const key = dblpKey(li);
      paper = key ? (readEntry(li, key, origin) ?? undefined) : undefined;
      if (!paper) continue;
      cache.set(li, paper);
    }
    if (seen.has(paper.id)) continue;
    seen.add(paper.id);
    entries.push({ paper, root: li, anchor: li.querySelector('cite') ?? undefined });
  }
  return entries;
}

/** Distinct record keys in the publication lists' export links: independent of the entry markup. */
function expectedCount(doc: Document): number {
  const keys = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href*="/rec/"][href*="view=bibtex"]'))) {
    const key = /\/rec\/(.+?)\.html/.exec(a.getAttribute('href') ?? '')?.[1];
    // Proceedings volumes (`conf/iclr/2024`) and data artifacts (`data/…`) have records too, but are not papers.
    if (key && !key.startsWith('data/') && !/^(?:conf|journals|series)\/[^/]+\/\d{4}[^/]*$/.test(key)) keys.add(key);
  }
  return keys.size;
}

// Tables of contents (`/db/conf/iclr/iclr2024.html`, `/db/journals/jmlr/jmlr25.html`), person pages, search.
const LISTING_PATH =
  /^\/(?:db\/(?:conf|journals|series|books|reference)\/.+\.html|pid\/.+\.html|search(?:\/publ)?\/?)$/;

export const dblp: SiteAdapter = {
  id: 'dblp',
  name: 'dblp',
  matches: ['https://dblp.org/db/*', 'https://dblp.org/pid/*', 'https://dblp.org/search*'],
  exampleUrls: [
    'https://dblp.org/db/conf/iclr/iclr2024.html',
    'https://dblp.org/db/journals/jmlr/jmlr25.html',
    'https://dblp.org/pid/182/2556.html',
    'https://dblp.org/search?q=retrieval+augmented+generation',
  ],
  // Venue index pages (`…/index.html`) list volumes, not papers; /search needs a query to list anything.
  accepts: (url) =>
    LISTING_PATH.test(url.pathname) &&
    !url.pathname.endsWith('/index.html') &&
    (!url.pathname.startsWith('/search') || url.searchParams.has('q')),
  detect,
  expectedCount,
};
