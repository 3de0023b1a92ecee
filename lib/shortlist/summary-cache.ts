import type { ShortlistRecord } from '../schema/shortlist';
import { matchesWords, searchTextOf, searchWords } from './search';
import { summaryLine, toSummary, type ShortlistSummary } from './summary';

interface Entry {
  summary: ShortlistSummary;
  /** The summary as sent (`summaryLine`), written once rather than at every request. */
  line: string;
  /** The folded title, authors, abstract and note (see `searchTextOf`). */
  text: string;
}

/** Newest saved first; equal times by id (the order `listShortlistRecords` gives). */
function newestFirst(a: ShortlistSummary, b: ShortlistSummary): number {
  return b.savedAt - a.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function entryOf(record: ShortlistRecord): Entry {
  const summary = toSummary(record);
  return { summary, line: summaryLine(summary), text: searchTextOf(record) };
}

/**
 * The background's copy of the shortlist's summaries and search texts, newest first. Reading 10,000 records out
 * of IndexedDB takes 300–600 ms, too long for every search keystroke: the copy is read once, kept up to date by
 * the edits that go through the background (`put`, `remove`), and dropped on anything bigger (`invalidate`).
 */
export class ShortlistCache {
  private entries: Entry[] | null = null;
  private loading: Promise<Entry[]> | null = null;
  /** Bumped by every change, so that a read that started before it is not kept. */
  private generation = 0;

  constructor(private readonly load: () => Promise<ShortlistRecord[]>) {}

  /** Whether the copy is in memory (a read now costs nothing). */
  get warm(): boolean {
    return this.entries !== null;
  }

  /** Starts reading the copy if it is not in memory; a failure is left for the next real read to report. */
  warmUp(): void {
    this.ready().catch(() => undefined);
  }

  /** The first `limit` summaries (all when absent), newest first, one per line (`summaryLine`), and how many there are. */
  async summaryLines(limit?: number): Promise<{ total: number; lines: string }> {
    const entries = await this.ready();
    const chosen = limit === undefined ? entries : entries.slice(0, limit);
    return { total: entries.length, lines: chosen.map((e) => e.line).join('\n') };
  }

  /** The ids of the papers whose title, authors, abstract or note hold every word of `query`, newest first. */
  async search(query: string): Promise<string[]> {
    const entries = await this.ready();
    const words = searchWords(query);
    const ids: string[] = [];
    for (const e of entries) if (matchesWords(e.text, words)) ids.push(e.summary.id);
    return ids;
  }

  /** A record was written (an edit, an undo): replace its entry and drop those of records it absorbed. */
  put(record: ShortlistRecord): void {
    if (!this.entries) return this.invalidate();
    const gone = new Set([record.id, ...record.aliases]);
    const kept = this.entries.filter((e) => !gone.has(e.summary.id));
    const entry = entryOf(record);
    let at = kept.findIndex((e) => newestFirst(entry.summary, e.summary) < 0);
    if (at < 0) at = kept.length;
    kept.splice(at, 0, entry);
    this.entries = kept;
    this.generation++;
  }

  /** Records were removed. */
  remove(ids: Iterable<string>): void {
    if (!this.entries) return this.invalidate();
    const gone = new Set(ids);
    this.entries = this.entries.filter((e) => !gone.has(e.summary.id));
    this.generation++;
  }

  /** Something changed that the copy cannot follow (a save from a page, an import): read it again when asked. */
  invalidate(): void {
    this.entries = null;
    this.loading = null;
    this.generation++;
  }

  private async ready(): Promise<Entry[]> {
    while (!this.entries) {
      const generation = this.generation;
      const loading = (this.loading ??= this.read());
      let built: Entry[];
      try {
        built = await loading;
      } finally {
        if (this.loading === loading) this.loading = null;
      }
      // A change landed while reading: this read may predate it, so read again.
      if (generation === this.generation) this.entries = built;
      else if (this.entries) break;
    }
    return this.entries;
  }

  private async read(): Promise<Entry[]> {
    const records = await this.load();
    return records.map(entryOf).sort((a, b) => newestFirst(a.summary, b.summary));
  }
}
