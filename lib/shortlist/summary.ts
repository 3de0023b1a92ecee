import { ReadStateSchema, RECORD_LIMITS, type ShortlistRecord } from '../schema/shortlist';
import { yieldToEventLoop } from '../util/yield';
import { z } from '../schema/zod';

/** How many authors a summary carries: the row shows three ("… et al."), and the search reads them all anyway. */
export const SUMMARY_AUTHORS = 3;

/**
 * A saved paper as the shortlist view lists it: what a row shows and what the view sorts and filters by, without
 * the abstract (10,000 abstracts are ~12 MB; searches run in the background, which has them).
 */
export const ShortlistSummarySchema = z.object({
  id: z.string().min(1).max(300),
  title: z.string().min(1).max(20_000),
  authors: z.array(z.string().max(500)).max(SUMMARY_AUTHORS),
  authorCount: z.number().int().nonnegative(),
  url: z.string().max(2000),
  /** The adapter (site) id the paper was first saved from. */
  source: z.string().min(1).max(60),
  arxivId: z.string().max(40).optional(),
  venue: z.string().max(500).optional(),
  date: z.string().max(10).optional(),
  sites: z.array(z.string().min(1).max(60)).max(RECORD_LIMITS.sources),
  tags: z.array(z.string().min(1).max(RECORD_LIMITS.tagLength)).max(RECORD_LIMITS.tags),
  interestTags: z.array(z.string().min(1).max(RECORD_LIMITS.tagLength)).max(RECORD_LIMITS.tags),
  note: z.string().max(RECORD_LIMITS.noteLength),
  readState: ReadStateSchema,
  score: z.number().min(0).max(100),
  savedAt: z.number().finite(),
});
export type ShortlistSummary = z.infer<typeof ShortlistSummarySchema>;

/** The summary of a saved record. */
export function toSummary(record: ShortlistRecord): ShortlistSummary {
  const { paper } = record;
  return {
    id: record.id,
    title: paper.title,
    authors: paper.authors.slice(0, SUMMARY_AUTHORS),
    authorCount: paper.authors.length,
    url: paper.url,
    source: paper.source,
    ...(paper.arxivId !== undefined ? { arxivId: paper.arxivId } : {}),
    ...(paper.venue !== undefined ? { venue: paper.venue } : {}),
    ...(paper.date !== undefined ? { date: paper.date } : {}),
    sites: record.sites,
    tags: record.tags,
    interestTags: record.interestTags,
    note: record.note,
    readState: record.readState,
    score: record.score,
    savedAt: record.savedAt,
  };
}

/** One summary as one line of JSON (JSON escapes every line break inside strings). */
export function summaryLine(summary: ShortlistSummary): string {
  return JSON.stringify(summary);
}

/** How many lines `parseSummaryLines` reads between two yields (~5 ms each). */
const LINES_PER_SLICE = 400;

/**
 * Reads summaries written one per line by `summaryLine`, validating each, and yields to the event loop every few
 * hundred so that 10,000 of them never hold the page for long (a single `JSON.parse` and zod pass over all of them
 * blocks the popup for ~300 ms). Throws on a line that is not a valid summary.
 */
export async function parseSummaryLines(lines: string): Promise<ShortlistSummary[]> {
  const out: ShortlistSummary[] = [];
  if (!lines) return out;
  let start = 0;
  while (start <= lines.length) {
    for (let n = 0; n < LINES_PER_SLICE && start <= lines.length; n++) {
      let end = lines.indexOf('\n', start);
      if (end < 0) end = lines.length;
      out.push(ShortlistSummarySchema.parse(JSON.parse(lines.slice(start, end))));
      start = end + 1;
    }
    if (start <= lines.length) await yieldToEventLoop();
  }
  return out;
}
