import type { ReadState } from '../schema/shortlist';
import type { ShortlistSummary } from './summary';

export type ShortlistOrder = 'newest' | 'oldest' | 'score';

/** A tag filter: one of the user's own tags, or the name of an interest the paper matched. */
export type TagFilter = { kind: 'tag' | 'interest'; name: string };

/** What the shortlist view shows: an order, and the filters that are set (absent: no filter). */
export interface ShortlistViewQuery {
  order: ShortlistOrder;
  tag?: TagFilter;
  /** An adapter (site) id the paper was seen at. */
  site?: string;
  readState?: ReadState;
  /** The ids a search matched (null or absent: no search). */
  matched?: ReadonlySet<string> | null;
}

const byId = (a: ShortlistSummary, b: ShortlistSummary) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ORDERS: Record<ShortlistOrder, (a: ShortlistSummary, b: ShortlistSummary) => number> = {
  newest: (a, b) => b.savedAt - a.savedAt || byId(a, b),
  oldest: (a, b) => a.savedAt - b.savedAt || byId(a, b),
  // Ties by score: newest first, as the background orders them.
  score: (a, b) => b.score - a.score || b.savedAt - a.savedAt || byId(a, b),
};

/** Sorts summaries (a copy) in one of the view's orders. */
export function sortSummaries(summaries: readonly ShortlistSummary[], order: ShortlistOrder): ShortlistSummary[] {
  return [...summaries].sort(ORDERS[order]);
}

/** Whether one summary passes every filter of a query (tag names compare without case, as tags are stored). */
export function passesFilters(s: ShortlistSummary, query: Omit<ShortlistViewQuery, 'order'>): boolean {
  if (query.readState && s.readState !== query.readState) return false;
  if (query.site && !s.sites.includes(query.site)) return false;
  if (query.matched && !query.matched.has(s.id)) return false;
  if (query.tag) {
    const wanted = query.tag.name.toLowerCase();
    const tags = query.tag.kind === 'tag' ? s.tags : s.interestTags;
    if (!tags.some((t) => t.toLowerCase() === wanted)) return false;
  }
  return true;
}

/** The summaries a query shows, in its order. */
export function applyView(summaries: readonly ShortlistSummary[], query: ShortlistViewQuery): ShortlistSummary[] {
  return sortSummaries(
    summaries.filter((s) => passesFilters(s, query)),
    query.order,
  );
}

/** A value to filter by and how many papers have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** The user's tags, the interests matched and the sites, each with its count, most used first, then by name. */
export function facetsOf(summaries: readonly ShortlistSummary[]): {
  tags: FacetCount[];
  interestTags: FacetCount[];
  sites: FacetCount[];
} {
  const tags = new Map<string, FacetCount>();
  const interests = new Map<string, FacetCount>();
  const sites = new Map<string, FacetCount>();
  const add = (into: Map<string, FacetCount>, value: string, key = value) => {
    const found = into.get(key);
    if (found) found.count++;
    else into.set(key, { value, count: 1 });
  };
  for (const s of summaries) {
    for (const t of s.tags) add(tags, t, t.toLowerCase());
    for (const t of s.interestTags) add(interests, t, t.toLowerCase());
    for (const site of s.sites) add(sites, site);
  }
  const sorted = (m: Map<string, FacetCount>) =>
    [...m.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { tags: sorted(tags), interestTags: sorted(interests), sites: sorted(sites) };
}

/** Encodes a tag filter as one `<select>` value ("tag:…", "interest:…"; "" for none). */
export function tagFilterValue(tag: TagFilter | undefined): string {
  return tag ? `${tag.kind}:${tag.name}` : '';
}

/** Decodes `tagFilterValue`. */
export function parseTagFilter(value: string): TagFilter | undefined {
  const at = value.indexOf(':');
  const kind = value.slice(0, at);
  if (at < 0 || (kind !== 'tag' && kind !== 'interest')) return undefined;
  return { kind, name: value.slice(at + 1) };
}
