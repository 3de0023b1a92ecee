import type { DetectedEntry, PaperEntry } from '../schema/paper';
import type { DetectOptions, SiteAdapter } from './types';
import { canonicalId, isoDate, normalizeSpace, normalizeTitle, parseArxivId, parseDoi } from './text';

// NOTE: OpenReview is a Next.js app. Lists of papers (venue pages /group?id=<venue>, one tab per decision, filled
// by script when a tab or page is opened; search results /search?term=; a profile's publications; the
// server-rendered /submissions?venue=) render each paper as a `.note` element: `div.note` inside
// `ul.submissions-list > li` today, `li.note[data-id]` in the jQuery webfields of 2019–2021. It holds
// `h4 > a[href="/forum?id=<forum id>"]` (the title; `a.pdf-link` and `a.html-link` beside it), `.note-authors`
// (one `a[href^="/profile?"]` or plain `span` per author, comma-separated, "et al." link after 20),
// `.note-meta-info` (date, venue such as "ICLR 2025 Oral", readers, replies: `li`s today, `span.date` /
// `span.item` before) and the collapsed content fields (`strong.note-content-field` "Abstract:" followed by
// `.note-content-value`). Links with `&noteId=` are replies and `&invitationId=` are tasks, not papers.
// A forum page (/forum?id=) shows one paper: `.forum-note` with `h2.citation_title`, `.forum-authors`,
// `.forum-meta` (date, venue with the folder-open icon) and the content fields, plus citation_* meta tags.
// Pages built by the pages router also embed their data in `script#__NEXT_DATA__` (the forum's `forumNote`,
// lists' notes with `content.<field>.value` in API v2, bare values in v1).

const ORIGIN = 'https://openreview.net';
/** Paper links; a note's title link is the one directly inside its `h4`. */
const FORUM_LINKS = 'a[href*="forum?id="]';

/** What the embedded JSON says about a note. */
interface JsonNote {
  title?: string;
  authors?: string[];
  abstract?: string;
  venue?: string;
  date?: string;
  arxivId?: string;
  doi?: string;
}

// Broken markup can pour a whole list into one field: values longer than these are not what they claim to be.
const MAX_TITLE = 2000;
const MAX_NAME = 200;
const MAX_VENUE = 500;
const MAX_ABSTRACT = 50_000;

const cache = new WeakMap<Element, PaperEntry>();
const jsonCache = new WeakMap<Element, Map<string, JsonNote>>();

/** The forum id of a paper link, or null for replies (`&noteId=` of another note), tasks and other links. */
function forumIdOf(href: string | null): string | null {
  if (!href || /[?&]invitationId=/.test(href)) return null;
  const id = /[?&]id=([^&#]+)/.exec(href)?.[1];
  if (!id) return null;
  const noteId = /[?&]noteId=([^&#]+)/.exec(href)?.[1];
  if (noteId && noteId !== id) return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return null;
  }
}

/** A content value of the v1 (`"x"`) or v2 (`{ value: "x" }`) API. */
function valueOf(v: unknown): unknown {
  return v && typeof v === 'object' && !Array.isArray(v) && 'value' in v ? (v as { value: unknown }).value : v;
}

function asString(v: unknown): string | undefined {
  const value = valueOf(v);
  return typeof value === 'string' && value.trim() ? normalizeSpace(value) : undefined;
}

function toJsonNote(raw: Record<string, unknown>, content: Record<string, unknown>): JsonNote {
  const authors = valueOf(content.authors);
  const millis = [raw.pdate, raw.cdate].find((t): t is number => typeof t === 'number' && t > 0);
  const externalIds = Array.isArray(raw.externalIds) ? raw.externalIds.filter((x) => typeof x === 'string') : [];
  const arxiv = externalIds.find((x) => /^arxiv:/i.test(x));
  const doi = externalIds.find((x) => /^doi:/i.test(x));
  const note: JsonNote = {
    title: asString(content.title),
    authors: Array.isArray(authors)
      ? authors.filter((a): a is string => typeof a === 'string').map((a) => normalizeSpace(a))
      : undefined,
    abstract: asString(content.abstract),
    venue: asString(content.venue),
    date: millis ? new Date(millis).toISOString().slice(0, 10) : undefined,
    arxivId: parseArxivId(arxiv?.slice(6)) ?? undefined,
    doi: parseDoi(doi?.slice(4)) ?? undefined,
  };
  return note;
}

/** Top-level notes (id = forum) found anywhere in `__NEXT_DATA__`, by forum id; empty when absent or broken. */
function embeddedNotes(doc: Document): Map<string, JsonNote> {
  const script = doc.querySelector('script#__NEXT_DATA__');
  if (!script) return new Map();
  const cached = jsonCache.get(script);
  if (cached) return cached;
  const notes = new Map<string, JsonNote>();
  jsonCache.set(script, notes);
  let data: unknown;
  try {
    data = JSON.parse(script.textContent ?? '');
  } catch {
    return notes; // truncated or changed JSON: the rendered notes still work
  }
  let budget = 50_000; // objects visited at most: a huge payload must not stall the page
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 12 || --budget < 0) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    const obj = node as Record<string, unknown>;
    const content = obj.content;
    if (typeof obj.id === 'string' && content && typeof content === 'object' && !Array.isArray(content)) {
      const forum = typeof obj.forum === 'string' ? obj.forum : obj.id;
      const note = toJsonNote(obj, content as Record<string, unknown>);
      if (forum === obj.id && note.title && !notes.has(forum)) notes.set(forum, note);
    }
    for (const value of Object.values(obj)) walk(value, depth + 1);
  };
  walk(data, 0);
  return notes;
}

/** Author names in an authors block: the innermost links and spans, without "et al." links or labels. */
function authorNames(block: Element | null): string[] {
  if (!block) return [];
  const names: string[] = [];
  for (const el of Array.from(block.querySelectorAll('a, span'))) {
    if (el.childElementCount > 0 || el.matches('.show-all, .private-author-label, [role="button"]')) continue;
    const name = normalizeSpace(el.textContent);
    if (name && !/^\(.*\)$/.test(name)) names.push(name);
  }
  if (names.length > 0) return names;
  // Names as bare text (no links): comma-separated.
  return normalizeSpace(block.textContent)
    .split(',')
    .map((n) => normalizeSpace(n))
    .filter(Boolean);
}

/** Content fields (`Abstract:`, `Primary Area:`) of a note, by lower-cased label without the colon. */
function contentFields(root: Element): Map<string, Element> {
  const fields = new Map<string, Element>();
  for (const label of Array.from(root.querySelectorAll('.note-content-field'))) {
    const name = normalizeSpace(label.textContent).replace(/:$/, '').toLowerCase();
    let value = label.nextElementSibling;
    while (value && !value.classList.contains('note-content-value')) value = value.nextElementSibling;
    if (name && value && !fields.has(name)) fields.set(name, value);
  }
  return fields;
}

/** arXiv id and DOI from the note's own links: the website icon by the title, an arXiv/HTML content field. */
function externalIds(
  titleRow: Element | null,
  fields: Map<string, Element>,
): { arxivId: string | null; doi: string | null } {
  const links: string[] = [];
  for (const el of [titleRow, fields.get('arxiv'), fields.get('html'), fields.get('doi')]) {
    for (const a of Array.from(el?.querySelectorAll('a[href]') ?? [])) links.push(a.getAttribute('href') ?? '');
  }
  const arxiv = links.find((h) => /arxiv\.org\/(?:abs|pdf)\//.test(h));
  const doi = links.find((h) => /doi\.org\/10\./.test(h));
  return {
    arxivId: arxiv ? parseArxivId(arxiv.split('arxiv.org/')[1]) : null,
    doi: doi ? parseDoi(doi) : null,
  };
}

function absolute(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, ORIGIN).href;
  } catch {
    return undefined;
  }
}

function buildPaper(
  forumId: string,
  shown: { title: string; authors: string[]; abstract?: string; venue?: string; date?: string },
  ids: { arxivId: string | null; doi: string | null },
  json: JsonNote | undefined,
  extra: { categories?: string[]; pdfUrl?: string },
): PaperEntry | null {
  const title = shown.title || normalizeTitle(json?.title);
  if (!title || title.length > MAX_TITLE) return null;
  // The list shows 20 authors then "et al.": the embedded data, when there, has them all.
  const authors = (json?.authors && json.authors.length > shown.authors.length ? json.authors : shown.authors).filter(
    (name) => name && name.length <= MAX_NAME,
  );
  const abstract = [shown.abstract, json?.abstract].find((a) => a && a.length <= MAX_ABSTRACT);
  const venue = [shown.venue, json?.venue].find((v) => v && v.length <= MAX_VENUE);
  const categories = extra.categories?.filter((c) => c.length <= MAX_NAME);
  const date = shown.date || json?.date;
  const arxivId = ids.arxivId ?? json?.arxivId ?? null;
  const doi = ids.doi ?? json?.doi ?? null;
  return {
    id: canonicalId({ arxivId, doi, site: 'openreview', siteId: forumId }),
    source: 'openreview',
    url: `${ORIGIN}/forum?id=${encodeURIComponent(forumId)}`,
    title,
    authors,
    ...(abstract ? { abstract } : {}),
    ...(categories?.length ? { categories } : {}),
    ...(venue ? { venue } : {}),
    ...(date ? { date } : {}),
    ...(doi ? { doi } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(extra.pdfUrl ? { pdfUrl: extra.pdfUrl } : {}),
  };
}

function readListNote(root: Element, link: Element, forumId: string, json: JsonNote | undefined): PaperEntry | null {
  const meta = root.querySelector('.note-meta-info');
  // Today's `li`s: date, venue, readers, replies; the old markup labels them (span.date, span.item).
  const items = meta ? Array.from(meta.children) : [];
  const dateItem = meta?.querySelector('.date') ?? items[0];
  const venueItem =
    meta?.querySelector('span.item') ??
    items.find(
      (el) =>
        el !== dateItem &&
        !el.matches('.readers, .date') &&
        !/^readers:|^\d+ repl(?:y|ies)$/i.test(normalizeSpace(el.textContent)),
    );
  const fields = contentFields(root);
  const area = normalizeSpace((fields.get('primary area') ?? fields.get('area'))?.textContent);
  return buildPaper(
    forumId,
    {
      title: normalizeTitle(link.textContent),
      authors: authorNames(root.querySelector('.note-authors')),
      abstract: normalizeSpace(fields.get('abstract')?.textContent) || undefined,
      venue: normalizeSpace(venueItem?.textContent) || undefined,
      date: isoDate(dateItem?.textContent),
    },
    externalIds(link.parentElement, fields),
    json,
    {
      ...(area ? { categories: [area] } : {}),
      pdfUrl: absolute(link.parentElement?.querySelector('a.pdf-link[href]')?.getAttribute('href')),
    },
  );
}

function detectList(doc: Document, options?: DetectOptions): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  let json: Map<string, JsonNote> | undefined;
  for (const link of Array.from(doc.querySelectorAll(FORUM_LINKS))) {
    if (link.parentElement?.tagName !== 'H4') continue;
    const forumId = forumIdOf(link.getAttribute('href'));
    // The note element: `div.note` today, `li.note` in old webfields; a bare `li` as a last resort.
    const root = link.closest<HTMLElement>('.note') ?? link.closest<HTMLElement>('li');
    if (!forumId || !root || root.closest('.forum-container')) continue;
    // Only the note's own title: the first heading of the note, not a link further down its content.
    if (root.getElementsByTagName('h4')[0] !== link.parentElement) continue;
    let paper = options?.isKnown?.(root) ? cache.get(root) : undefined;
    if (!paper) {
      json ??= embeddedNotes(doc);
      paper = readListNote(root, link, forumId, json.get(forumId)) ?? undefined;
      if (!paper) continue;
      cache.set(root, paper);
    }
    if (seen.has(paper.id)) continue;
    seen.add(paper.id);
    entries.push({ paper, root, anchor: link.closest('h4') ?? undefined });
  }
  return entries;
}

function meta(doc: Document, name: string): string[] {
  return Array.from(doc.querySelectorAll(`meta[name="${name}"]`), (m) => normalizeSpace(m.getAttribute('content')));
}

function detectForum(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const forumId = url.searchParams.get('id');
  if (!forumId) return [];
  const heading = doc.querySelector<HTMLElement>('h2.citation_title, .forum-title h2');
  const root =
    doc.querySelector<HTMLElement>('.forum-note') ??
    doc.getElementById(`note_${forumId}`) ??
    heading?.closest<HTMLElement>('.note, .forum-container') ??
    heading?.parentElement ??
    null;
  if (!root) return [];
  const anchor = heading && root.contains(heading) ? heading : undefined;
  const known = options?.isKnown?.(root) ? cache.get(root) : undefined;
  if (known) return [{ paper: known, root, anchor }];

  const json = embeddedNotes(doc).get(forumId);
  const fields = contentFields(root);
  const forumMeta = root.querySelector('.forum-meta, .meta_row');
  const venueItem =
    forumMeta?.querySelector('.glyphicon-folder-open')?.closest('.item') ??
    Array.from(forumMeta?.querySelectorAll('.item') ?? []).find((el) => !el.matches('.date, .readers'));
  const shownDate = isoDate(forumMeta?.querySelector('.date')?.textContent);
  const metaDate = meta(doc, 'citation_publication_date')[0] || meta(doc, 'citation_online_date')[0];
  const shownAuthors = authorNames(root.querySelector('.forum-authors, .meta_row .signatures'));
  const area = normalizeSpace((fields.get('primary area') ?? fields.get('area'))?.textContent);
  const paper = buildPaper(
    forumId,
    {
      title: normalizeTitle(heading?.textContent) || normalizeTitle(meta(doc, 'citation_title')[0]),
      authors: shownAuthors.length > 0 ? shownAuthors : meta(doc, 'citation_author').filter(Boolean),
      abstract: normalizeSpace(fields.get('abstract')?.textContent) || meta(doc, 'citation_abstract')[0] || undefined,
      venue: normalizeSpace(venueItem?.textContent) || undefined,
      date: shownDate ?? isoDate(metaDate),
    },
    externalIds(root.querySelector('.forum-title'), fields),
    json,
    {
      ...(area ? { categories: [area] } : {}),
      pdfUrl: absolute(
        root.querySelector('a.citation_pdf_url[href]')?.getAttribute('href') ?? meta(doc, 'citation_pdf_url')[0],
      ),
    },
  );
  if (!paper) return [];
  cache.set(root, paper);
  return [{ paper, root, anchor }];
}

function detect(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  return url.pathname === '/forum' ? detectForum(doc, url, options) : detectList(doc, options);
}

/** Distinct forum ids among all paper links on the page (replies and tasks aside): independent of `.note`. */
function expectedCount(doc: Document, url: URL): number {
  if (url.pathname === '/forum') return doc.querySelector('h2.citation_title, meta[name="citation_title"]') ? 1 : 0;
  const ids = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll(FORUM_LINKS))) {
    const id = forumIdOf(a.getAttribute('href'));
    if (id) ids.add(id);
  }
  return ids.size;
}

const REQUIRED_PARAM: Record<string, string[]> = {
  '/group': ['id'],
  '/forum': ['id'],
  '/search': ['term'],
  '/profile': ['id', 'email'],
  '/submissions': ['venue'],
};

export const openReview: SiteAdapter = {
  id: 'openreview',
  name: 'OpenReview',
  matches: [
    'https://openreview.net/group*',
    'https://openreview.net/forum*',
    'https://openreview.net/search*',
    'https://openreview.net/profile*',
    'https://openreview.net/submissions*',
  ],
  exampleUrls: [
    'https://openreview.net/group?id=ICLR.cc/2025/Conference',
    'https://openreview.net/search?term=diffusion+language+model&group=all&content=all&source=all',
    'https://openreview.net/forum?id=Q2xbA7h3dE',
    'https://openreview.net/profile?id=~Yann_LeCun1',
    'https://openreview.net/submissions?venue=NeurIPS.cc/2025/Conference',
  ],
  // Each page type needs its parameter (a venue, a forum, a query, a person); /group?id=…/Program_Chairs and
  // other consoles also list papers.
  accepts: (url) => REQUIRED_PARAM[url.pathname]?.some((p) => url.searchParams.get(p)) ?? false,
  detect,
  expectedCount,
  dynamic: true,
};
