import { describe, expect, it } from 'vitest';
import { applyImport, previewImportInDb, readStoredData } from '../../../lib/db/backup';
import { recordSeen } from '../../../lib/db/database';
import { saveToShortlist, setFeedback, updateShortlisted } from '../../../lib/db/shortlist';
import { toBackupJson } from '../../../lib/export/backup';
import { parseBackup } from '../../../lib/import/backup';
import { parseImport } from '../../../lib/import/index';
import type { Interest } from '../../../lib/schema/interest';
import { SettingsSchema } from '../../../lib/schema/settings';
import { aliasProblems, arxivPaper, freshDb } from '../db/fixtures';
import { hostilePapers } from '../export/hostile';

const interests: Interest[] = [
  { id: 'rl', name: 'RLHF', query: 'rlhf OR "reward model"', color: '#112233', weight: 2, enabled: true },
  { id: 'surveys', name: 'Surveys', query: 'survey', color: '#445566', weight: 1, enabled: true, mute: 'hide' },
];
const settings = SettingsSchema.parse({ rankerEnabled: false });

/** A database holding hostile papers saved from several sites, with notes, tags, feedback and history. */
async function populatedDb() {
  const db = await freshDb();
  const papers = hostilePapers(300, 11);
  for (const [i, p] of papers.entries()) {
    await saveToShortlist(db, p, { interestTags: ['RLHF'], score: i % 100, tags: [`t${i % 7}`] }, 1000 + i);
    if (i % 4 === 0)
      await saveToShortlist(db, { ...p, source: 'huggingface', url: `https://hf.co/${i}` }, {}, 5000 + i);
    if (i % 3 === 0) await updateShortlisted(db, p.id, { note: `${p.title}\nline 2`, readState: 'read' }, 9000 + i);
  }
  await setFeedback(db, arxivPaper(90_001), 'down', 7);
  await setFeedback(db, arxivPaper(90_002), 'up', 8);
  await recordSeen(db, papers.slice(0, 120), 10_000);
  return db;
}

// Thousands of records: generous time on a loaded two-core machine.
describe('JSON backup', { timeout: 30_000 }, () => {
  it('round trip: backup → import into an empty database → identical data (records, feedback, history)', async () => {
    const source = await populatedDb();
    const data = await readStoredData(source, { includeSeen: true });
    expect(data.shortlist).toHaveLength(300);
    const json = toBackupJson({ ...data, interests, settings }, new Date(Date.UTC(2026, 10, 26)));
    const backup = parseBackup(json);
    expect(backup.interests).toStrictEqual(interests);
    expect(backup.settings).toStrictEqual(settings);
    expect(backup.exportedAt).toBe('2026-11-26T00:00:00.000Z');

    const target = await freshDb();
    const summary = await applyImport(target, backup, 'replace');
    expect(summary).toEqual({ added: data.shortlist.map((r) => r.id), updated: [], unchanged: [], removed: [] });
    expect(await readStoredData(target, { includeSeen: true })).toStrictEqual(data);
    expect(await aliasProblems(target)).toEqual([]);
    source.close();
    target.close();
  });

  it('leaves the seen history out unless asked', async () => {
    const db = await populatedDb();
    const without = JSON.parse(toBackupJson({ ...(await readStoredData(db)), interests, settings })) as object;
    expect(without).not.toHaveProperty('seen');
    expect(without).toHaveProperty('schemaVersion', 1);
    const withSeen = parseBackup(
      toBackupJson({ ...(await readStoredData(db, { includeSeen: true })), interests, settings }),
    );
    expect(withSeen.seen).toHaveLength(120);
    db.close();
  });

  it('importing a backup twice changes nothing the second time', async () => {
    const db = await populatedDb();
    const backup = parseBackup(
      toBackupJson({ ...(await readStoredData(db, { includeSeen: true })), interests, settings }),
    );
    const before = await readStoredData(db, { includeSeen: true });
    const summary = await applyImport(db, backup, 'merge');
    expect(summary.unchanged).toHaveLength(300);
    expect([...summary.added, ...summary.updated, ...summary.removed]).toEqual([]);
    expect(await readStoredData(db, { includeSeen: true })).toStrictEqual(before);
    db.close();
  });

  it('merge keeps what the user changed last; replace makes the shortlist exactly the backup', async () => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(1), {}, 1);
    await saveToShortlist(db, arxivPaper(2), {}, 2);
    const backup = parseBackup(toBackupJson({ ...(await readStoredData(db)), interests, settings }));
    await updateShortlisted(db, '2401.00001', { note: 'after the backup', readState: 'read' }, 50);
    await saveToShortlist(db, arxivPaper(3), {}, 60);

    // Merge: the paper changed after the backup keeps its newer note and read state, so nothing changes.
    expect(await previewImportInDb(db, backup.shortlist, 'merge')).toEqual({
      added: [],
      updated: [],
      unchanged: ['2401.00002', '2401.00001'],
      removed: [],
    });
    const preview = await previewImportInDb(db, backup.shortlist, 'replace');
    expect(preview).toEqual({ added: [], updated: ['2401.00001'], unchanged: ['2401.00002'], removed: ['2401.00003'] });
    expect(await applyImport(db, backup, 'replace')).toEqual(preview);
    expect((await readStoredData(db)).shortlist).toStrictEqual(backup.shortlist);
    expect(await aliasProblems(db)).toEqual([]);
    db.close();
  });

  it('parseImport recognises a backup by its content', () => {
    const json = toBackupJson({ shortlist: [], feedback: [], interests, settings });
    const parsed = parseImport(json, 'anything.txt');
    expect(parsed.format).toBe('backup');
    expect(parsed.shortlist).toEqual([]);
  });
});
