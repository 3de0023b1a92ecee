import type { DetectedEntry, PaperEntry } from '../schema/paper';
import type { DetectOptions, SiteAdapter } from './types';
import { canonicalId, normalizeSpace, normalizeTitle, parseArxivId, parseCount, parseDoi, absoluteUrl } from './text';

// NOTE: result pages (/scholar?q=…, ?cites=…, ?cluster=…) list each result as a `div.gs_r`: since about 2017
// `div.gs_r.gs_or.gs_scl[data-cid][data-did][data-rp]`, before that a bare `div.gs_r`. Inside, an optional
// `div.gs_ggs.gs_fl` holds the side link ("[PDF] host"), then `div.gs_ri` holds `h3.gs_rt` (type markers in
// `span.gs_ctc`/`span.gs_ctu` — "[PDF]", "[HTML]", "[BOOK]", "[CITATION]" — then the title link, or plain text
// for citations), `div.gs_a` ("authors - venue, year - host"; authors abbreviated and cut with "…"),
// `div.gs_rs` (a query-dependent snippet, not the abstract) and `div.gs_fl` (Cited by N, Related articles, All N
// versions). The result id (`data-cid`) also appears in the links as `related:<id>:` and `info:<id>:`, and
// the cluster number in `cites=`/`cluster=`. Other `div.gs_r` blocks (author profiles, "Create alert") and the
// cite dialog (`div#gs_cit[data-cid]`) have no `div.gs_ri`.

const SOURCE = 'google-scholar';
const TYPE_MARKERS = /^(?:\s*\[(?:PDF|HTML|BOOK|B|CITATION|C|DOC|PS)\])+\s*/i;
const RESULT_ID = /(?:related|info):([\w-]+):/;
const CITE_ONCLICK = /gs_ocit\(event,\s*'([\w-]+)'/;
const CLUSTER = /[?&](?:cluster|cites)=(\d+)/;
const YEAR_AT_END = /^(.*?)[,\s]*\b((?:1[89]|20)\d{2})$/;
const HOSTNAME = /^[\w-]+(?:\.[\w-]+)+$/;
const ARXIV_IN_VENUE = /(?:arXiv:\s*|\babs\/)(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})/i;
const ARXIV_HOST = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\//i;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/;

/** Scholar's country sites that carry the same result pages (match patterns cannot wildcard a TLD). */
const SCHOLAR_HOSTS = [
  'scholar.google.com',
  'scholar.google.co.uk',
  'scholar.google.de',
  'scholar.google.fr',
  'scholar.google.ca',
  'scholar.google.com.au',
  'scholar.google.co.jp',
  'scholar.google.co.in',
  'scholar.google.es',
  'scholar.google.it',
  'scholar.google.com.br',
  'scholar.google.nl',
];

/** Longest name or venue taken from the byline: anything longer is not what we think it is. */
const MAX_LABEL = 300;

const cache = new WeakMap<Element, PaperEntry>();

/** Text of a result's `gs_a` line split into authors, venue and year. */
function parseByline(text: string): { authors: string[]; venue?: string; date?: string; arxivId?: string } {
  // Scholar separates the fields with "\u00a0- "; normalizeSpace turned the no-break space into a space.
  const parts = text.split(/\s+-\s+/);
  const authors = (parts[0] ?? '')
    .split(',')
    .map((a) => normalizeSpace(a.replace(/…/g, '')))
    .filter((a) => a && a.length <= MAX_LABEL);
  const middle = parts.length >= 2 ? normalizeSpace(parts[1]) : '';
  if (!middle || (parts.length === 2 && HOSTNAME.test(middle))) return { authors };
  const m = YEAR_AT_END.exec(middle);
  const shown = normalizeSpace(m ? m[1] : middle).replace(/,$/, '');
  const venue = shown.length <= MAX_LABEL ? shown : '';
  const arxiv = ARXIV_IN_VENUE.exec(venue)?.[1];
  return {
    authors,
    ...(venue ? { venue } : {}),
    ...(m?.[2] ? { date: m[2] } : {}),
    ...(arxiv ? { arxivId: parseArxivId(arxiv) ?? undefined } : {}),
  };
}

function titleText(h3: Element): string {
  let text = '';
  for (const node of Array.from(h3.childNodes)) {
    // The type markers sit in their own spans before the title; skip them by class, then by shape.
    if (node.nodeType === 1 && (node as Element).matches('.gs_ctc, .gs_ctu, .gs_ct1, .gs_ct2')) continue;
    text += node.textContent ?? '';
  }
  return normalizeTitle(normalizeSpace(text).replace(TYPE_MARKERS, ''));
}

function extract(root: Element, ri: Element, url: URL): PaperEntry | null {
  const h3 = ri.querySelector('h3.gs_rt, .gs_rt');
  if (!h3) return null;
  const title = titleText(h3);
  if (!title) return null;
  const titleHref = absoluteUrl(h3.querySelector('a[href]')?.getAttribute('href'), url);
  const markers = normalizeSpace(h3.querySelector('.gs_ctc, .gs_ctu')?.textContent);

  // Result id and cluster number from the attribute first, then from the links that repeat them.
  let cid = root.getAttribute('data-cid') ?? '';
  let cluster = '';
  const linkBar = ri.querySelector(':scope > .gs_fl') ?? ri.querySelector('.gs_fl');
  let citations: number | undefined;
  for (const a of Array.from(linkBar?.querySelectorAll('a') ?? [])) {
    const href = a.getAttribute('href') ?? '';
    if (!cid) cid = RESULT_ID.exec(href)?.[1] ?? CITE_ONCLICK.exec(a.getAttribute('onclick') ?? '')?.[1] ?? '';
    const c = CLUSTER.exec(href);
    if (c?.[1]) {
      cluster ||= c[1];
      if (href.includes('cites=') && citations === undefined) citations = parseCount(a.textContent);
    }
  }
  const siteId = cid || cluster;

  const byline = parseByline(normalizeSpace(ri.querySelector('.gs_a')?.textContent));
  let arxivId = ARXIV_HOST.test(titleHref) ? parseArxivId(titleHref) : null;
  const isPdfLink = /\[PDF\]/i.test(markers) || /\.pdf(?:$|[?#])/i.test(titleHref);
  let doi = titleHref && !arxivId && !isPdfLink ? parseDoi(titleHref.replace(/[?#].*$/, '')) : null;
  const arxivDoi = doi ? ARXIV_DOI.exec(doi)?.[1] : undefined;
  if (arxivDoi) {
    arxivId = parseArxivId(arxivDoi);
    doi = null;
  }
  arxivId ??= byline.arxivId ?? null;
  if (!arxivId && !doi && !siteId) return null;

  const sidePdf = Array.from(root.querySelectorAll('.gs_ggs a[href], .gs_or_ggsm a[href]')).find((a) =>
    /\[PDF\]/i.test(a.textContent ?? ''),
  );
  const pdfHref = absoluteUrl(sidePdf?.getAttribute('href'), url) || (isPdfLink ? titleHref : '');

  const pageUrl = cluster
    ? `${url.origin}/scholar?cluster=${cluster}`
    : cid
      ? `${url.origin}/scholar?q=info:${cid}:scholar.google.com/`
      : titleHref || url.href;
  return {
    id: canonicalId({ arxivId, doi, site: SOURCE, siteId }),
    source: SOURCE,
    url: pageUrl,
    title,
    authors: byline.authors,
    ...(byline.venue ? { venue: byline.venue } : {}),
    ...(byline.date ? { date: byline.date } : {}),
    ...(doi ? { doi } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(pdfHref ? { pdfUrl: absoluteUrl(pdfHref, url) } : {}),
    ...(citations !== undefined ? { signals: { citations } } : {}),
  };
}

function detect(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  for (const ri of Array.from(doc.querySelectorAll('div.gs_ri'))) {
    const root = (ri.closest('.gs_r') ?? ri) as HTMLElement;
    const cached = options?.isKnown?.(root) ? cache.get(root) : undefined;
    const paper = cached ?? extract(root, ri, url);
    if (!paper || seen.has(paper.id)) continue;
    seen.add(paper.id);
    cache.set(root, paper);
    entries.push({ paper, root, anchor: ri.querySelector('.gs_rt') ?? undefined });
  }
  return entries;
}

/** Results by an independent signal: the distinct result ids that the "Related articles" links carry. */
function expectedCount(doc: Document): number {
  const ids = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href*="related:"]'))) {
    const id = RESULT_ID.exec(a.getAttribute('href') ?? '')?.[1];
    if (id) ids.add(id);
  }
  return Math.max(ids.size, doc.querySelectorAll('.gs_or[data-cid]').length);
}

export const googleScholar: SiteAdapter = {
  id: SOURCE,
  name: 'Google Scholar',
  matches: SCHOLAR_HOSTS.map((host) => `https://${host}/scholar*`),
  exampleUrls: [
    'https://scholar.google.com/scholar?q=direct+preference+optimization&hl=en',
    'https://scholar.google.com/scholar?cites=5331804836605365413&as_sdt=2005&sciodt=0,5&hl=en',
    'https://scholar.google.de/scholar?hl=de&q=graph+neural+networks',
  ],
  // `/scholar*` also matches /scholar_settings, /scholar_alerts, /scholar_lookup…: only result pages.
  accepts: (url) => url.pathname === '/scholar',
  detect,
  expectedCount,
};
