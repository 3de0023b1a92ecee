import type { DetectedEntry, PaperEntry, SiteSignals } from '../schema/paper';
import type { DetectOptions, SiteAdapter } from './types';
import { isoDate, normalizeSpace, normalizeTitle, parseCount } from './text';

// NOTE: Hugging Face renders every page on the server with Svelte and hydrates "islands": each island is a
// `<div class="SVELTE_HYDRATER contents" data-target="<Component>" data-props="<JSON>">` (attribute order varies).
// The paper listings put their data there: `DailyPapers` (daily, weekly, monthly, trending and search pages:
// `dailyPapers: [{ paper: { id, title, summary, authors: [{ name, hidden }], publishedAt, upvotes, githubRepo,
// githubStars, organization }, numComments, organization, … }]`), `OrgProfile` (`/<org>/papers`: `orgPapers`, same
// items), `PaperContent` (`/papers/<id>`: `paper`), collections (items `{ type: 'paper', id, title, upvotes,
// publishedAt }`). Component and key names change, so the JSON is searched for paper-shaped objects rather than read
// at fixed paths.
// NOTE: the visible listing cards are `<article>`s whose title is `h3 > a[href="/papers/<arXiv id>"]`; beside it an
// upvote box `[role="checkbox"]` (inside a `/login?next=…` link when logged out), an organisation chip
// `a[href="/<org>"]` with its avatar `img` and full name, a comments link `a[href="/papers/<id>#community"]`, and a
// GitHub-stars link (`a[href="/papers/<id>"]` holding the GitHub mark and the count; trending cards link the repo
// itself). Without an organisation a card shows author avatars instead: `li[title="<name>"]`, at most five, then
// "N authors", in a `flex-row-reverse` list (the first author is the last item; claimed authors come first, under
// their user name). Search and trending cards add the abstract in a `p`. Collection cards are
// `article > a[href="/papers/<id>"]` with the title in `header[title] > h4`. A paper page has the title in the `h1` of its header section, authors in `.author`, the abstract under an
// "Abstract" heading and links to arxiv.org. The cards never show every author nor the abstract on day pages, so
// the JSON is the complete source and the cards the fallback (and the only source for cards the site appended
// after load: infinite scroll and date navigation render new cards without updating `data-props`).

const SOURCE = 'huggingface';
const ORIGIN = 'https://huggingface.co';

type Fields = Omit<PaperEntry, 'source' | 'url'>;

/** A Hugging Face paper id is an arXiv id (`2509.01234`), optionally with a version. */
const PAPER_ID = /^(\d{4}\.\d{4,5})(?:v\d+)?$/;
/** `/papers/<id>` in an href, nothing but `#…`, `?…` or a slash after it. */
const PAPER_HREF = /^(?:https:\/\/huggingface\.co)?\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?(?:[#?/]|$)/;
const LISTING_PATH =
  /^\/papers(?:\/(?:date\/\d{4}-\d{2}-\d{2}|week\/\d{4}-W\d{2}|month\/\d{4}-\d{2}|trending|search))?\/?$/;
const PAPER_PATH = /^\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?\/?$/;
const OWNER_PAPERS_PATH = /^\/([A-Za-z0-9][\w.-]*)\/papers\/?$/;
const COLLECTION_PATH = /^\/collections\/[\w.-]+\/[\w.-]+\/?$/;
/** First path segments that are Hugging Face sections, not users or organisations. */
const RESERVED = new Set([
  'api',
  'blog',
  'collections',
  'datasets',
  'docs',
  'join',
  'learn',
  'login',
  'models',
  'organizations',
  'papers',
  'posts',
  'pricing',
  'settings',
  'spaces',
  'tasks',
]);
/** Quick test before parsing a `data-props` blob: does it hold an arXiv-style paper id at all? */
const HAS_PAPER_ID = /"id"\s*:\s*"\d{4}\.\d{4,5}/;
const COUNT = /^\d[\d,.]*\s*[kKmM]?$/;
const PLAIN_COUNT = /^\d{1,9}$/;
/** Whitespace other than single spaces. */
const UNUSUAL_SPACE = /[^\S ]| {2}/;
const TRAILING_COUNT = /(\d[\d,.]*\s*[kKmM]?)$/;
const ARXIV_LINK = /^https?:\/\/(?:www\.)?arxiv\.org\/(abs|pdf)\/(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?(?:[?#]|$)/;
/** A title that needs no normalising: no markup characters, no runs or edges of whitespace, no label. */
const PLAIN_TITLE = /^(?!title\s*:)[^\s\\{}$](?:[^\s\\{}$-]| (?! )|-(?!-))*(?<! )$/i;
const SINGLE_SEGMENT = /^\/[^/?#]+$/;

function accepts(url: URL): boolean {
  const path = url.pathname;
  if (LISTING_PATH.test(path) || PAPER_PATH.test(path) || COLLECTION_PATH.test(path)) return true;
  const owner = OWNER_PAPERS_PATH.exec(path)?.[1];
  return owner !== undefined && !RESERVED.has(owner.toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------------
// Embedded page data

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const count = (v: unknown): number | undefined =>
  Number.isInteger(v) && (v as number) >= 0 ? (v as number) : undefined;

function organizationName(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  const name = normalizeSpace(str(v.fullname) ?? str(v.name));
  return name || undefined;
}

/** `{ signals }` with the signals that have a value, or nothing when none has. */
function withSignals(s: SiteSignals): { signals?: SiteSignals } {
  const kept: SiteSignals = {};
  // Key by key rather than with Object.entries: this runs for every card, and allocates nothing it need not.
  if (s.upvotes !== undefined) kept.upvotes = s.upvotes;
  if (s.comments !== undefined) kept.comments = s.comments;
  if (s.githubRepo !== undefined) kept.githubRepo = s.githubRepo;
  if (s.githubStars !== undefined) kept.githubStars = s.githubStars;
  if (s.organization !== undefined) kept.organization = s.organization;
  if (s.citations !== undefined) kept.citations = s.citations;
  for (const _ in kept) return { signals: kept };
  return {};
}

/**
 * The fields of a paper-shaped object: a listing item `{ paper: {…}, numComments, … }` or a bare paper / collection
 * item `{ id, title, … }`. Each field is checked on its own, so one renamed or malformed field costs only that field.
 */
function paperRecord(obj: Json): Fields | null {
  const inner = isObject(obj.paper) ? obj.paper : obj;
  const outer: Json = inner === obj ? {} : obj;
  if (inner.type !== undefined && inner.type !== 'paper') return null;
  const rawId = str(inner.id);
  const id = rawId ? PAPER_ID.exec(rawId.trim())?.[1] : undefined;
  const title = normalizeTitle(str(inner.title) ?? str(outer.title));
  if (!id || !title) return null;
  const authors: string[] = [];
  if (Array.isArray(inner.authors)) {
    for (const a of inner.authors) {
      if (isObject(a) && a.hidden === true) continue;
      const name = normalizeSpace(typeof a === 'string' ? a : isObject(a) ? str(a.name) : undefined);
      if (name) authors.push(name);
    }
  }
  const abstract = normalizeSpace(str(inner.summary) ?? str(outer.summary));
  const date = isoDate(str(inner.publishedAt) ?? str(outer.publishedAt) ?? str(inner.submittedOnDailyAt));
  const githubRepo = str(inner.githubRepo);
  const signals: SiteSignals = {
    upvotes: count(inner.upvotes) ?? count(outer.upvotes),
    comments: count(outer.numComments) ?? count(inner.numComments),
    githubRepo: githubRepo && /^https?:\/\/github\.com\//.test(githubRepo) ? githubRepo.trim() : undefined,
    githubStars: count(inner.githubStars),
    organization: organizationName(inner.organization) ?? organizationName(outer.organization),
  };
  return {
    id,
    title,
    authors,
    ...(abstract ? { abstract } : {}),
    ...(date ? { date } : {}),
    ...withSignals(signals),
  };
}

/** Every paper-shaped object in a parsed `data-props` value, the first one per id. */
function collectRecords(value: unknown, out: Map<string, Fields>, depth: number): void {
  if (depth > 8 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectRecords(item, out, depth + 1);
    return;
  }
  const record = paperRecord(value as Json);
  if (record) {
    if (!out.has(record.id)) out.set(record.id, record);
    return;
  }
  for (const key in value) {
    const child = (value as Json)[key];
    if (typeof child === 'object' && child !== null) collectRecords(child, out, depth + 1);
  }
}

/** Parsed islands, by element: the site never rewrites `data-props` after load, so rescans parse nothing. */
const propsCache = new WeakMap<Element, { raw: string; records: Map<string, Fields> }>();

/** The papers described by the page's embedded data, by id. */
function readEmbedded(doc: Document): Map<string, Fields> {
  const all = new Map<string, Fields>();
  // The islands' class is the cheap way in (a live list); any `[data-props]` when the class is gone.
  const classed = doc.getElementsByClassName('SVELTE_HYDRATER');
  const holders = classed.length > 0 ? classed : doc.querySelectorAll('[data-props]');
  for (let i = 0; i < holders.length; i++) {
    const holder = holders[i]!;
    const raw = holder.getAttribute('data-props');
    if (!raw) continue;
    let cached = propsCache.get(holder);
    if (cached?.raw !== raw) {
      const records = new Map<string, Fields>();
      if (HAS_PAPER_ID.test(raw)) {
        try {
          collectRecords(JSON.parse(raw), records, 0);
        } catch {
          // Truncated or changed JSON: the rendered cards still work.
        }
      }
      cached = { raw, records };
      propsCache.set(holder, cached);
    }
    for (const [id, record] of cached.records) if (!all.has(id)) all.set(id, record);
  }
  return all;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendered cards

interface Card {
  root: HTMLElement;
  /** The title heading: the annotation goes just before it. */
  anchor: Element;
  link: Element;
  href: string;
  id: string;
  titleEl: Element;
}

/** What a card shows besides its title: author avatars, the abstract, a date, counts and links. */
interface CardExtras {
  authors: string[];
  /** The avatars' list is laid out right to left (`flex-row-reverse`): the first author is its last item. */
  reversed: boolean;
  abstract?: string;
  date?: string;
  signals: SiteSignals;
}

/** A count as a card shows it ("12", "1.2k"), or undefined for "-" and other text. */
function shownCount(text: string | null | undefined): number | undefined {
  const t = (text ?? '').trim();
  if (PLAIN_COUNT.test(t)) return Number(t); // the common case, without parseCount's normalising
  return COUNT.test(t) ? parseCount(t) : undefined;
}

/** Whitespace collapsed and trimmed; names and counts on cards rarely need the regular expression. */
function clean(text: string | null | undefined): string {
  const t = (text ?? '').trim();
  return UNUSUAL_SPACE.test(t) ? normalizeSpace(t) : t;
}

/** The kind of card link an href and the link's first child make, or undefined for the rest. */
type LinkKind = 'comments' | 'upvotes' | 'github' | 'stars' | 'org';

function linkKind(a: Element, href: string): LinkKind | undefined {
  if (href.endsWith('#community')) return 'comments';
  if (href.startsWith('/login?')) return 'upvotes'; // logged out, the upvote box is a link to log in
  if (href.startsWith('https://github.com/')) return 'github';
  if (href.startsWith('/papers/')) {
    // The stars link starts with the GitHub mark; the thumbnail, title and author links do not.
    return a.firstElementChild?.localName === 'svg' ? 'stars' : undefined;
  }
  // The organisation chip: its avatar, then its full name. (Author avatars are links inside `li`s.)
  if (SINGLE_SEGMENT.test(href) && a.firstElementChild?.localName === 'img' && a.parentElement?.localName !== 'li')
    return 'org';
  return undefined;
}

/** What a link of a card shows, into the card's signals; the first link of each kind that shows one wins. */
function readLink(a: Element, href: string, kind: LinkKind, signals: SiteSignals): void {
  if (kind === 'comments') signals.comments ??= shownCount(a.textContent);
  else if (kind === 'upvotes') signals.upvotes ??= shownCount(a.textContent);
  else if (kind === 'stars') signals.githubStars ??= shownCount(a.textContent);
  else if (kind === 'github') {
    signals.githubRepo ??= href;
    signals.githubStars ??= shownCount(a.textContent);
  } else signals.organization ??= clean(a.textContent) || undefined;
}

/** An author avatar (`li[title]`) of a card. */
function readAvatar(li: Element, name: string, card: CardExtras): void {
  if (card.authors.length === 0) card.reversed = !!li.parentElement?.classList.contains('flex-row-reverse');
  card.authors.push(clean(name));
}

/** A paragraph of a card: the first one long enough is the abstract. */
function readParagraph(p: Element, card: CardExtras): void {
  if (card.abstract) return;
  const text = clean(p.textContent);
  if (text.length >= 40) card.abstract = text;
}

/**
 * What the given cards show besides their titles: author avatars (`li[title]`), the abstract (`p`), a date
 * (`time[datetime]`), and what their links show (upvotes, comments, organisation, GitHub repository and stars).
 * Each element belongs to the nearest card around it.
 */
function readCards(doc: Document, cards: Map<Element, CardExtras>, rootTag: string | null): void {
  // Article cards, none with an article inside: all that is in a card is the card's, so each card's own elements
  // are read, with no `closest` per element to find its card (the dearest step where selectors are matched in
  // script, as in happy-dom). Otherwise the document's elements, each taken to the nearest card around it.
  if (rootTag === 'article' && !doc.querySelector('article article')) {
    for (const [root, card] of cards) readCardElements(root, () => card);
  } else readCardElements(doc, cardFinder(cards, rootTag));

  // Logged in, the upvote box is no link.
  for (const [root, card] of cards) {
    if (card.signals.upvotes === undefined)
      card.signals.upvotes = shownCount(root.querySelector('[role="checkbox"]')?.textContent);
  }
}

/** The card an element belongs to: the nearest card root around it (`rootTag`: the tag every root has). */
function cardFinder(cards: Map<Element, CardExtras>, rootTag: string | null) {
  return (el: Element): CardExtras | undefined => {
    if (rootTag) {
      // Cards nest in nothing of their own kind: the nearest one is the card.
      const root = el.closest(rootTag);
      return root ? cards.get(root) : undefined;
    }
    for (let up = el.parentElement, depth = 0; up && depth < 16; up = up.parentElement, depth++) {
      const card = cards.get(up);
      if (card) return card;
    }
    return undefined;
  };
}

/**
 * The links, avatars, paragraphs and times under `scope`, each read into the card `cardOf` gives it. The href
 * alone decides which few links are read: most of a card's links are its thumbnail and title.
 */
function readCardElements(scope: Document | Element, cardOf: (el: Element) => CardExtras | undefined): void {
  const links = scope.getElementsByTagName('a');
  for (let i = 0, count = links.length; i < count; i++) {
    const a = links[i]!;
    const href = a.getAttribute('href');
    const kind = href ? linkKind(a, href) : undefined;
    if (!href || !kind) continue;
    const card = cardOf(a);
    if (card) readLink(a, href, kind, card.signals);
  }
  const items = scope.getElementsByTagName('li');
  for (let i = 0, count = items.length; i < count; i++) {
    const li = items[i]!;
    const name = li.getAttribute('title');
    const card = name && cardOf(li);
    if (card) readAvatar(li, name, card);
  }
  const paragraphs = scope.getElementsByTagName('p');
  for (let i = 0, count = paragraphs.length; i < count; i++) {
    const card = cardOf(paragraphs[i]!);
    if (card) readParagraph(paragraphs[i]!, card);
  }
  const times = scope.getElementsByTagName('time');
  for (let i = 0, count = times.length; i < count; i++) {
    const card = cardOf(times[i]!);
    if (card && !card.date) card.date = isoDate(times[i]!.getAttribute('datetime'));
  }
}

function cardFields(card: Card, title: string, extras: CardExtras | undefined): Fields {
  return {
    id: card.id,
    title,
    authors: extras?.reversed ? extras.authors.reverse() : (extras?.authors ?? []),
    ...(extras?.abstract ? { abstract: extras.abstract } : {}),
    ...(extras?.date ? { date: extras.date } : {}),
    ...withSignals(extras?.signals ?? {}),
  };
}

/** A card from its title element: an `h2`/`h3` title link, or a collection card's `h4` inside its link. */
function cardOfTitle(el: Element): Card | null {
  let link: Element | null;
  let anchor: Element;
  let titleEl: Element;
  if (el.tagName === 'H4') {
    link = el.closest('a');
    if (!link) return null;
    anchor = link;
    titleEl = el.closest('header[title]') ?? el;
  } else {
    const first = el.firstElementChild;
    link = first?.tagName === 'A' ? first : el.querySelector('a[href^="/papers/"]');
    if (!link) return null;
    anchor = el;
    titleEl = link;
  }
  const href = link.getAttribute('href') ?? '';
  const id = PAPER_HREF.exec(href)?.[1];
  if (!id) return null;
  const root = (link.closest('article') ?? anchor.closest('li') ?? anchor.parentElement) as HTMLElement | null;
  return root ? { root, anchor, link, href, id, titleEl } : null;
}

/** The listing and collection cards, in page order. */
function findCards(doc: Document): Card[] {
  const cards: Card[] = [];
  let sources = 0;
  for (const tag of ['h2', 'h3', 'h4']) {
    const headings = doc.getElementsByTagName(tag);
    const before = cards.length;
    for (let i = 0; i < headings.length; i++) {
      const card = cardOfTitle(headings[i]!);
      if (card) cards.push(card);
    }
    if (cards.length > before) sources++;
  }
  // Titles of different levels on one page: back into page order.
  if (sources > 1) cards.sort((a, b) => (a.anchor.compareDocumentPosition(b.anchor) & 4 ? -1 : 1));
  return cards;
}

function cardTitle(titleEl: Element): string {
  const raw = titleEl.getAttribute('title') ?? titleEl.textContent ?? '';
  return PLAIN_TITLE.test(raw) ? raw : normalizeTitle(raw);
}

// ---------------------------------------------------------------------------------------------------------------
// The paper page

/** Text under the page's "Abstract" heading, when the embedded data is missing. */
function abstractFromPage(doc: Document): string {
  for (const heading of Array.from(doc.querySelectorAll('h2, h3'))) {
    if (normalizeSpace(heading.textContent).toLowerCase() !== 'abstract') continue;
    const next = heading.nextElementSibling;
    return normalizeSpace(next?.textContent);
  }
  return '';
}

/** The count at the end of a label such as "Upvote 110" or "GitHub 1.2k". */
function trailingCount(text: string | null | undefined): number | undefined {
  const m = TRAILING_COUNT.exec(clean(text));
  return m ? shownCount(m[1]) : undefined;
}

function detectPaperPage(doc: Document, id: string, embedded: () => Map<string, Fields>): DetectedEntry | null {
  const h1 = doc.querySelector('main h1') ?? doc.querySelector('h1');
  if (!h1) return null;
  // The header section: title, authors, organisation, upvote and the links to arXiv and the code.
  const root = (h1.closest('section') ?? h1.parentElement ?? h1) as HTMLElement;
  const record = embedded().get(id);
  const title = record?.title ?? normalizeTitle(h1.textContent);
  if (!title) return null;
  let pdfUrl: string | undefined;
  let arxivShown = false;
  const signals: SiteSignals = {};
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    const arxiv = ARXIV_LINK.exec(href);
    if (arxiv?.[2] === id) {
      if (arxiv[1] === 'pdf') pdfUrl ??= href;
      arxivShown = true;
    } else if (href.startsWith('https://github.com/') && !signals.githubRepo) {
      signals.githubRepo = href;
      signals.githubStars = trailingCount(a.textContent);
    } else if (SINGLE_SEGMENT.test(href) && a.firstElementChild?.localName === 'img')
      signals.organization ??= clean(a.textContent) || undefined;
  }
  // Without its data, a page is this paper's page only if it links the paper on arXiv.
  if (!record && !arxivShown) return null;
  let fields: Fields;
  if (record) fields = { ...record, authors: [...record.authors] };
  else {
    signals.upvotes = trailingCount(root.querySelector('[role="checkbox"]')?.textContent);
    const abstract = abstractFromPage(doc);
    fields = {
      id,
      title,
      authors: Array.from(root.querySelectorAll('.author'), (a) => clean(a.textContent)).filter(Boolean),
      ...(abstract ? { abstract } : {}),
      ...withSignals(signals),
    };
  }
  return {
    paper: {
      ...fields,
      source: SOURCE,
      url: `${ORIGIN}/papers/${id}`,
      // The page links the paper on arXiv: its id there is the page's id.
      ...(arxivShown || pdfUrl ? { arxivId: id } : {}),
      ...(pdfUrl ? { pdfUrl } : {}),
    },
    root,
    anchor: h1,
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** Entries already read, by root, with the title link they were read from (Svelte may reuse a card element). */
const entryCache = new WeakMap<Element, { href: string; entry: DetectedEntry }>();

function detect(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[] {
  const seen = new Set<string>();
  let embedded: Map<string, Fields> | undefined;
  const getEmbedded = () => (embedded ??= readEmbedded(doc));
  // Page order; a card not read before stays a card until the embedded data has been consulted.
  const slots: (DetectedEntry | Card)[] = [];

  const pageId = PAPER_PATH.exec(url.pathname)?.[1];
  if (pageId) {
    const main = detectPaperPage(doc, pageId, getEmbedded);
    if (main) {
      slots.push(main);
      seen.add(pageId);
    }
  }
  const pending: Card[] = [];
  for (const card of findCards(doc)) {
    if (seen.has(card.id)) continue;
    seen.add(card.id);
    const cached = entryCache.get(card.root);
    if (cached && cached.href === card.href && options?.isKnown?.(card.root)) slots.push(cached.entry);
    else {
      slots.push(card);
      pending.push(card);
    }
  }
  if (pending.length === 0) return slots as DetectedEntry[];

  const records = getEmbedded();
  // Cards the embedded data does not describe (appended after load, or the data changed shape) read themselves.
  const fallback = new Map<Element, CardExtras>();
  let rootTag: string | null | undefined;
  for (const card of pending) {
    if (records.has(card.id)) continue;
    // Every key from the start: one object shape for all cards keeps the property accesses fast.
    fallback.set(card.root, {
      authors: [],
      reversed: false,
      abstract: undefined,
      date: undefined,
      signals: {
        upvotes: undefined,
        comments: undefined,
        githubRepo: undefined,
        githubStars: undefined,
        organization: undefined,
      },
    });
    rootTag = rootTag === undefined || rootTag === card.root.localName ? card.root.localName : null;
  }
  if (fallback.size > 0) readCards(doc, fallback, rootTag === 'article' ? 'article' : null);

  const entries: DetectedEntry[] = [];
  for (const slot of slots) {
    if ('paper' in slot) {
      entries.push(slot);
      continue;
    }
    const record = records.get(slot.id);
    let fields: Fields;
    if (record) fields = { ...record, authors: [...record.authors] };
    else {
      const title = cardTitle(slot.titleEl);
      if (!title) continue; // a card with no title anywhere is no entry
      fields = cardFields(slot, title, fallback.get(slot.root));
    }
    const entry: DetectedEntry = {
      paper: { ...fields, source: SOURCE, url: `${ORIGIN}/papers/${slot.id}` },
      root: slot.root,
      anchor: slot.anchor,
    };
    entryCache.set(slot.root, { href: slot.href, entry });
    entries.push(entry);
  }
  return entries;
}

/** Distinct papers linked from the page: independent of the card structure `detect` relies on. */
function expectedCount(doc: Document, url: URL): number {
  if (PAPER_PATH.test(url.pathname)) return doc.querySelector('h1') ? 1 : 0;
  const ids = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href^="/papers/"]'))) {
    const id = PAPER_HREF.exec(a.getAttribute('href') ?? '')?.[1];
    if (id) ids.add(id);
  }
  return ids.size;
}

export const huggingface: SiteAdapter = {
  id: SOURCE,
  name: 'Hugging Face Papers',
  matches: [
    'https://huggingface.co/papers*',
    'https://huggingface.co/*/papers*',
    'https://huggingface.co/collections/*',
  ],
  exampleUrls: [
    'https://huggingface.co/papers/date/2026-09-28',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers?q=source+citations',
    'https://huggingface.co/papers/2609.31620',
    'https://huggingface.co/google/papers',
    'https://huggingface.co/collections/ml-reading-group/llm-foundations-66f1c2d3e4a5b6c7d8e9f001',
  ],
  accepts,
  detect,
  expectedCount,
  dynamic: true,
};
