import type { PaperEntry } from '../schema/paper';
import { RECORD_LIMITS, type ShortlistRecord } from '../schema/shortlist';
import { parseArxivId } from '../sites/text';

/** What a save may add besides the paper: the interests it matched, its score, the user's first tags. */
export interface SaveOptions {
  interestTags?: readonly string[];
  score?: number;
  tags?: readonly string[];
}

/** Whether an id is an arXiv id (`2401.12345`, `hep-th/9901001`), the best kind of canonical id. */
function isArxivId(id: string): boolean {
  return !id.includes(':') && parseArxivId(id) === id;
}

/** Every id a paper is known by: its canonical id, its arXiv id and its DOI (so the same paper merges). */
export function paperKeys(paper: Pick<PaperEntry, 'id' | 'arxivId' | 'doi'>): string[] {
  const keys = [paper.id];
  const arxiv = paper.arxivId ? (parseArxivId(paper.arxivId) ?? paper.arxivId) : undefined;
  if (arxiv) keys.push(arxiv);
  if (paper.doi) keys.push(`doi:${paper.doi.toLowerCase()}`);
  return unique(keys);
}

/** The id a record goes by: an arXiv id, else a DOI, else the one it has (the rule of `canonicalId`). */
export function preferredId(aliases: readonly string[], current: string): string {
  if (isArxivId(current)) return current;
  const arxiv = aliases.find(isArxivId);
  if (arxiv) return arxiv;
  if (current.startsWith('doi:')) return current;
  return aliases.find((a) => a.startsWith('doi:')) ?? current;
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** Tags as the user means them: trimmed, single-spaced, cut to length, without case-insensitive repeats. */
export function normalizeTags(tags: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, RECORD_LIMITS.tagLength).trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length === RECORD_LIMITS.tags) break;
  }
  return out;
}

/** A copy without `undefined` properties: IndexedDB would keep them, JSON would not, and backups must compare. */
export function withoutUndefined<T extends object>(value: T): T {
  // Most objects have none: copy only when there is something to drop.
  if (!Object.values(value).includes(undefined)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A record in its stored form: id first among its aliases, `sites` derived from `sources`, no undefined fields. */
export function normalizeRecord(record: ShortlistRecord): ShortlistRecord {
  const id = preferredId(record.aliases, record.id);
  const sources = [...record.sources].sort((a, b) => a.at - b.at).slice(0, RECORD_LIMITS.sources);
  return {
    ...record,
    id,
    paper: withoutUndefined({ ...record.paper, id }),
    aliases: unique([id, ...record.aliases]).slice(0, RECORD_LIMITS.aliases),
    sources,
    sites: unique(sources.map((s) => s.source)),
  };
}

/** A new record for a paper saved now. */
export function newRecord(paper: PaperEntry, options: SaveOptions, now: number): ShortlistRecord {
  return normalizeRecord({
    id: paper.id,
    paper,
    aliases: paperKeys(paper),
    sources: [{ source: paper.source, url: paper.url, at: now }],
    sites: [],
    tags: normalizeTags(options.tags ?? []),
    interestTags: normalizeTags(options.interestTags ?? []),
    note: '',
    readState: 'unread',
    score: Math.min(100, Math.max(0, options.score ?? 0)),
    savedAt: now,
    updatedAt: now,
  });
}

function longer<T extends { length: number }>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.length > a.length ? b : a;
}

/**
 * One paper from two views of it: `a`'s fields win, `b` fills what `a` lacks; the longer author list and
 * abstract win (sites cut both), categories are joined, and a date as precise as the other's wins.
 */
export function mergePapers(a: PaperEntry, b: PaperEntry): PaperEntry {
  const date = a.date && b.date?.startsWith(a.date) ? b.date : (a.date ?? b.date);
  const categories = unique([...(a.categories ?? []), ...(b.categories ?? [])]).slice(0, 100);
  return withoutUndefined({
    ...withoutUndefined(b),
    ...withoutUndefined(a),
    authors: longer(a.authors, b.authors) ?? [],
    abstract: longer(a.abstract, b.abstract),
    categories: categories.length ? categories : undefined,
    date,
  });
}

/** Both notes, when neither holds the other: a merge never drops what the user wrote. */
function mergeNotes(first: string, second: string): string {
  if (!second || first.includes(second)) return first;
  if (!first || second.includes(first)) return second;
  return `${first}\n\n${second}`.slice(0, RECORD_LIMITS.noteLength);
}

/**
 * Two records of the same paper as one. `prefer` says whose tags order, note and read state lead: `first`
 * (a save or a restore: the record already there keeps what the user set) or `newer` (an import: the record
 * the user changed last). Everything else is the union of both.
 */
export function mergeRecords(a: ShortlistRecord, b: ShortlistRecord, prefer: 'first' | 'newer'): ShortlistRecord {
  const [lead, other] = prefer === 'newer' && b.updatedAt > a.updatedAt ? [b, a] : [a, b];
  const byUrl = new Map<string, ShortlistRecord['sources'][number]>();
  for (const s of [...a.sources, ...b.sources]) {
    const known = byUrl.get(s.url);
    if (!known || s.at < known.at) byUrl.set(s.url, s);
  }
  return normalizeRecord({
    id: a.id,
    paper: mergePapers(a.paper, b.paper),
    aliases: unique([...a.aliases, ...b.aliases]),
    sources: [...byUrl.values()],
    sites: [],
    tags: normalizeTags([...lead.tags, ...other.tags]),
    interestTags: normalizeTags([...a.interestTags, ...b.interestTags]),
    note: mergeNotes(lead.note, other.note),
    readState: lead.readState,
    score: Math.max(a.score, b.score),
    savedAt: Math.min(a.savedAt, b.savedAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  });
}

/** Several records of one paper (found by their aliases) as one, oldest save first. */
export function mergeAll(records: readonly ShortlistRecord[]): ShortlistRecord | undefined {
  const sorted = [...records].sort((x, y) => x.savedAt - y.savedAt || x.id.localeCompare(y.id));
  return sorted.reduce<ShortlistRecord | undefined>((acc, r) => (acc ? mergeRecords(acc, r, 'newer') : r), undefined);
}

/** Whether two records hold the same data (key order aside). */
export function sameRecord(a: ShortlistRecord, b: ShortlistRecord): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/** How an incoming record meets the records of the same paper already there. */
export type UpsertMode = 'save' | 'restore' | 'import';

/** The record that results when `incoming` meets `existing` (the already-merged records of the same paper). */
export function combine(existing: ShortlistRecord | undefined, incoming: ShortlistRecord, mode: UpsertMode) {
  if (!existing) return normalizeRecord(incoming);
  if (mode === 'save') return mergeRecords(existing, incoming, 'first');
  if (mode === 'restore') return mergeRecords(incoming, existing, 'first');
  return mergeRecords(existing, incoming, 'newer');
}

/** Records in memory, found by any of their aliases: the pure twin of the shortlist store. */
export class RecordSet {
  private readonly byAlias = new Map<string, ShortlistRecord>();

  constructor(records: Iterable<ShortlistRecord> = []) {
    for (const r of records) this.upsert(r, 'import');
  }

  /** The distinct records known by any of these aliases. */
  matches(aliases: readonly string[]): ShortlistRecord[] {
    const found = new Set<ShortlistRecord>();
    for (const a of aliases) {
      const r = this.byAlias.get(a);
      if (r) found.add(r);
    }
    return [...found];
  }

  /** Adds a record, merging it with those of the same paper; returns the result and the records it replaced. */
  upsert(incoming: ShortlistRecord, mode: UpsertMode): { result: ShortlistRecord; replaced: ShortlistRecord[] } {
    const replaced = this.matches(incoming.aliases);
    const result = combine(mergeAll(replaced), incoming, mode);
    for (const r of replaced) for (const a of r.aliases) this.byAlias.delete(a);
    for (const a of result.aliases) this.byAlias.set(a, result);
    return { result, replaced };
  }

  /** Every record, once each. */
  records(): ShortlistRecord[] {
    return [...new Set(this.byAlias.values())];
  }
}
