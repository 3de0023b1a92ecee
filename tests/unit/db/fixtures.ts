import 'fake-indexeddb/auto';
import { openPaperlightDb } from '../../../lib/db/database';
import type { PaperEntry } from '../../../lib/schema/paper';

let counter = 0;

/** A new, empty database with a name no other test uses. */
export function freshDb() {
  return openPaperlightDb(`paperlight-db-test-${++counter}-${Math.random().toString(36).slice(2)}`);
}

/** A unique database name (for tests that open it themselves). */
export function freshName() {
  return `paperlight-db-test-${++counter}-${Math.random().toString(36).slice(2)}`;
}

/** An arXiv paper as the arXiv adapter reports it. */
export function arxivPaper(n: number, fields: Partial<PaperEntry> = {}): PaperEntry {
  const id = `2401.${String(n).padStart(5, '0')}`;
  return {
    id,
    source: 'arxiv',
    url: `https://arxiv.org/abs/${id}`,
    title: `Paper number ${n}`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    arxivId: id,
    ...fields,
  };
}

/** Every record's aliases, and only those, point at it in the alias store. */
export async function aliasProblems(db: Awaited<ReturnType<typeof freshDb>>): Promise<string[]> {
  const [records, entries] = await Promise.all([db.getAll('shortlist'), db.getAll('aliases')]);
  const expected = records.flatMap((r) => r.aliases.map((alias) => `${alias} → ${r.id}`)).sort();
  const actual = entries.map((e) => `${e.alias} → ${e.id}`).sort();
  const missing = expected.filter((e) => !actual.includes(e)).map((e) => `missing ${e}`);
  const extra = actual.filter((e) => !expected.includes(e)).map((e) => `stray ${e}`);
  return [...missing, ...extra];
}
