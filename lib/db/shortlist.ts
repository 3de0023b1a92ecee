import type { IDBPDatabase } from 'idb';
import type { PaperEntry } from '../schema/paper';
import type { PaperlightDB } from './schema';

type Db = IDBPDatabase<PaperlightDB>;

/** Adds a paper to the shortlist (keeping when it was first saved) or removes it. */
export async function setShortlisted(db: Db, paper: PaperEntry, saved: boolean, now = Date.now()): Promise<void> {
  const tx = db.transaction('shortlist', 'readwrite');
  if (saved) {
    const old = await tx.store.get(paper.id);
    await tx.store.put({ id: paper.id, paper, savedAt: old?.savedAt ?? now });
  } else {
    await tx.store.delete(paper.id);
  }
  await tx.done;
}

/** The shortlisted papers, newest first. */
export async function listShortlist(db: Db): Promise<PaperEntry[]> {
  const records = await db.getAllFromIndex('shortlist', 'savedAt');
  return records.reverse().map((r) => r.paper);
}

/** Records 👎 on a paper, or clears it (verdict null). */
export async function setFeedback(db: Db, paper: PaperEntry, verdict: 'down' | null, now = Date.now()): Promise<void> {
  if (verdict) await db.put('feedback', { id: paper.id, paper, verdict, at: now });
  else await db.delete('feedback', paper.id);
}

/** What the ranker learns from: shortlist (positives), 👎 (negatives), and recent papers seen but not saved. */
export async function rankerTrainingSet(db: Db, maxUnlabeled = 5000) {
  const [shortlist, feedback] = await Promise.all([db.getAll('shortlist'), db.getAll('feedback')]);
  const labelled = new Set([...shortlist.map((r) => r.id), ...feedback.map((r) => r.id)]);
  const unlabeled: { title: string; abstract?: string; authors?: string[] }[] = [];
  let cursor = await db.transaction('seen').store.index('lastSeenAt').openCursor(null, 'prev');
  while (cursor && unlabeled.length < maxUnlabeled) {
    const r = cursor.value;
    if (r.title && !labelled.has(r.id)) unlabeled.push({ title: r.title, abstract: r.abstract, authors: r.authors });
    cursor = await cursor.continue();
  }
  return {
    positives: shortlist.map((r) => r.paper),
    negatives: feedback.map((r) => r.paper),
    unlabeled,
  };
}
