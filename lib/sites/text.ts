/** Collapses whitespace and trims: page text arrives with the markup's line breaks and indentation. */
export function normalizeSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of an element without the `<span class="descriptor">Title:</span>`-style labels sites put inside. */
export function textWithoutDescriptor(el: Element | null, descriptorSelector = '.descriptor'): string {
  if (!el) return '';
  let text = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 1 && (node as Element).matches(descriptorSelector)) continue;
    text += node.textContent ?? '';
  }
  return normalizeSpace(text);
}

/** Text that `normalizeTitle` would change (odd whitespace, TeX, a "Title:" label). */
const NEEDS_NORMALIZING = /\s\s|[^\S ]|^\s|\s$|^title|[\\{}$]|--/i;

const TEX_COMMAND_WITH_ARG =
  /\\(?:emph|textit|textbf|textsc|texttt|textrm|mathrm|mathbf|mathit|mathcal|text|url)\s*\{([^{}]*)\}/g;
const TEX_ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  c: '\u0327',
};

/**
 * A title as plain text: whitespace collapsed, a leading "Title:" label dropped, and TeX-ish markup that
 * sites pass through from submissions (`\emph{x}`, `{BERT}`, `\"o`, `--`) reduced to what it renders as.
 * Maths between `$…$` keeps its content without the dollars.
 */
export function normalizeTitle(raw: string | null | undefined): string {
  // Most titles need nothing: listings hold thousands, so test once before any rewriting.
  if (raw && !NEEDS_NORMALIZING.test(raw)) return raw;
  let text = normalizeSpace(raw).replace(/^title\s*:\s*/i, '');
  if (!/[\\{}$]|--/.test(text)) return text;
  for (let i = 0; i < 3 && TEX_COMMAND_WITH_ARG.test(text); i++) text = text.replace(TEX_COMMAND_WITH_ARG, '$1');
  text = text
    .replace(/\\([`'"^~c])\{?([A-Za-z])\}?/g, (_m, accent: string, letter: string) =>
      `${letter}${TEX_ACCENTS[accent] ?? ''}`.normalize('NFC'),
    )
    .replace(/\\&/g, '&')
    .replace(/\\%/g, '%')
    .replace(/\\_/g, '_')
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/(^|[^\\])\$([^$]+)\$/g, '$1$2')
    .replace(/(^|[^\\])[{}]/g, '$1')
    .replace(/(^|[^\\])[{}]/g, '$1');
  return normalizeSpace(text);
}

const NEW_STYLE_ARXIV_ID = /(?:^|[^\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])/;
const OLD_STYLE_ARXIV_ID = /\b([a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?\b/i;

/** Canonical arXiv id (no version, old-style ids lower-cased) found in a string such as an href, or null. */
export function parseArxivId(text: string | null | undefined): string | null {
  if (!text) return null;
  const modern = NEW_STYLE_ARXIV_ID.exec(text);
  if (modern?.[1]) return modern[1];
  const old = OLD_STYLE_ARXIV_ID.exec(text);
  return old?.[1] ? old[1].toLowerCase() : null;
}

const DOI = /\b(10\.\d{4,9}\/[^\s"'<>]+)/i;

/** The DOI in a string such as `https://doi.org/10.18653/v1/2021.naacl-main.208`, lower-cased, or null. */
export function parseDoi(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = DOI.exec(decodeURIComponentSafe(text));
  return match?.[1] ? match[1].replace(/[.,;)]+$/, '').toLowerCase() : null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The canonical id for a paper: arXiv id, else `doi:<doi>`, else `<site>:<site id>`. */
export function canonicalId(ids: {
  arxivId?: string | null;
  doi?: string | null;
  site: string;
  siteId: string;
}): string {
  if (ids.arxivId) return ids.arxivId;
  if (ids.doi) return `doi:${ids.doi}`;
  return `${ids.site}:${ids.siteId}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as shown (`Mon, 5 May 2025`, `5 May 2025`, `May 2025`, `2025/05/05`, `2025-05-05T…`) in ISO form at
 * the precision shown, or undefined.
 */
export function isoDate(text: string | null | undefined): string | undefined {
  const s = normalizeSpace(text);
  if (!s) return undefined;
  let m = /(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(s);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  m = /(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (month >= 0) return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  m = /([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    if (month >= 0) return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  m = /([A-Za-z]{3,})\.?\s+(\d{4})/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    if (month >= 0) return `${m[2]}-${String(month + 1).padStart(2, '0')}`;
  }
  m = /\b(19|20)(\d{2})\b/.exec(s);
  return m ? `${m[1]}${m[2]}` : undefined;
}

/** An integer shown on the page ("1,234", "12k"), or undefined. */
export function parseCount(text: string | null | undefined): number | undefined {
  const m = /(\d[\d,.]*)\s*([kKmM])?/.exec(normalizeSpace(text));
  if (!m) return undefined;
  const base = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(base)) return undefined;
  const scale = m[2] ? (/k/i.test(m[2]) ? 1000 : 1_000_000) : 1;
  return Math.round(base * scale);
}

/** An absolute URL for an href, or '' when there is none or it does not parse. */
export function absoluteUrl(href: string | null | undefined, base: URL): string {
  if (!href) return '';
  // Most hrefs are absolute or root-relative: no URL object needed for those.
  if (/^https?:\/\/[^\s]*$/.test(href)) return href;
  if (/^\/[^/\s][^\s]*$/.test(href)) return base.origin + href;
  try {
    return new URL(href, base).href;
  } catch {
    return '';
  }
}

/** The content of a `<meta name="…">` (e.g. the `citation_*` tags paper pages carry), normalised, or ''. */
export function metaContent(doc: Document, name: string): string {
  return normalizeSpace(doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content'));
}

/** "Family, Given" (as `citation_author` writes names) → "Given Family", as pages show them. */
export function citationName(citationAuthor: string): string {
  const [family, given] = citationAuthor.split(/,\s*/, 2);
  return given ? `${given} ${family}` : citationAuthor;
}
