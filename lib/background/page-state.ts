import type { IDBPDatabase } from 'idb';
import type { PaperlightDB } from '../db/schema';
import { feedbackFor, savedIds } from '../db/shortlist';
import type { PaperEntry } from '../schema/paper';
import type { ScoredPaper } from '../schema/score';
import type { Scorer } from './scorer';

/** What a page shows for its papers: their scores, which are saved, and their 👍/👎. */
export interface PageState {
  results: ScoredPaper[];
  saved: string[];
  feedback: Record<string, 'up' | 'down'>;
}

/**
 * Scores a page's papers and looks up their saved state and feedback, for a report and for a pushed re-score
 * alike. A database that fails costs the badges, never the highlights.
 */
export async function pageState(
  db: Promise<IDBPDatabase<PaperlightDB>>,
  scorer: Scorer,
  entries: readonly PaperEntry[],
): Promise<PageState> {
  const ids = entries.map((e) => e.id);
  const database = db.catch(() => null);
  const [results, saved, feedback] = await Promise.all([
    scorer.score(entries),
    database.then((d) => (d ? savedIds(d, ids) : new Set<string>())).catch(() => new Set<string>()),
    database
      .then((d) => (d ? feedbackFor(d, ids) : new Map<string, 'up' | 'down'>()))
      .catch(() => new Map<string, 'up' | 'down'>()),
  ]);
  return { results, saved: [...saved], feedback: Object.fromEntries(feedback) };
}
