import { RecordSet, sameRecord } from '../db/records';
import type { ShortlistRecord } from '../schema/shortlist';

/** `merge` adds the file's papers to the shortlist; `replace` makes the shortlist exactly the file's. */
export type ImportMode = 'merge' | 'replace';

/** What an import does to the shortlist, by record id: what the user confirms before anything is written. */
export interface ImportSummary {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
}

/** The summary plus the writes that carry it out (computed from the same data, so they cannot disagree). */
export interface ImportPlan {
  summary: ImportSummary;
  /** Replace: empty the shortlist first. */
  clear: boolean;
  /** Merge: the stored records that the records in `put` take the place of. */
  delete: ShortlistRecord[];
  put: ShortlistRecord[];
}

/**
 * Plans an import of `incoming` into a shortlist holding `existing`. Papers match by any alias (arXiv id, DOI,
 * site id), so a paper saved from arXiv and imported by its DOI is one paper, updated rather than added.
 */
export function planImport(
  existing: readonly ShortlistRecord[],
  incoming: readonly ShortlistRecord[],
  mode: ImportMode,
): ImportPlan {
  const set = new RecordSet(mode === 'merge' ? existing : []);
  const touched = new Set<ShortlistRecord>();
  for (const record of incoming) {
    const { result, replaced } = set.upsert(record, 'import');
    for (const r of replaced) touched.delete(r);
    touched.add(result);
  }
  const existingByAlias = new Map<string, ShortlistRecord>();
  for (const r of existing) for (const a of r.aliases) existingByAlias.set(a, r);
  const summary: ImportSummary = { added: [], updated: [], unchanged: [], removed: [] };
  const plan: ImportPlan = { summary, clear: mode === 'replace', delete: [], put: [] };
  const matchedIds = new Set<string>();
  for (const record of touched) {
    const matched = new Set<ShortlistRecord>();
    for (const a of record.aliases) {
      const m = existingByAlias.get(a);
      if (m) matched.add(m);
    }
    for (const m of matched) matchedIds.add(m.id);
    const [only] = matched;
    const unchanged = matched.size === 1 && only !== undefined && sameRecord(only, record);
    if (matched.size === 0) summary.added.push(record.id);
    else if (unchanged) summary.unchanged.push(record.id);
    else summary.updated.push(record.id);
    if (mode === 'replace' || !unchanged) plan.put.push(record);
    if (mode === 'merge' && !unchanged) plan.delete.push(...matched);
  }
  if (mode === 'replace') summary.removed = existing.filter((r) => !matchedIds.has(r.id)).map((r) => r.id);
  return plan;
}

/** What importing `incoming` would do, without doing it. */
export function previewImport(
  existing: readonly ShortlistRecord[],
  incoming: readonly ShortlistRecord[],
  mode: ImportMode,
): ImportSummary {
  return planImport(existing, incoming, mode).summary;
}
