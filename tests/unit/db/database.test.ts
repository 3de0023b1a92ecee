import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openPaperlightDb, recordSeen } from '../../../lib/db/database';
import { DB_VERSION, UPGRADE_STEPS } from '../../../lib/db/migrations';
import type { PaperlightDB } from '../../../lib/db/schema';

let counter = 0;
const freshName = () => `paperlight-test-${++counter}`;

describe('database', () => {
  it('has one version per upgrade step', () => {
    expect(DB_VERSION).toBe(UPGRADE_STEPS.length);
  });

  it('version 1 (from nothing): creates the seen store with its index', async () => {
    const db = await openPaperlightDb(freshName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('seen');
    expect([...db.transaction('seen').store.indexNames]).toEqual(['lastSeenAt']);
    db.close();
  });

  it('opening an up-to-date database again keeps its records', async () => {
    const name = freshName();
    const db = await openPaperlightDb(name);
    await recordSeen(db, [{ id: '2505.00001', source: 'arxiv' }], 1000);
    db.close();
    const again = await openPaperlightDb(name);
    expect(await again.get('seen', '2505.00001')).toEqual({
      id: '2505.00001',
      source: 'arxiv',
      firstSeenAt: 1000,
      lastSeenAt: 1000,
    });
    again.close();
  });

  it('version 2 (from a version 1 database): adds shortlist and feedback, every seen record survives', async () => {
    const name = freshName();
    const v1 = await openDB<PaperlightDB>(name, 1, { upgrade: (db, _o, _n, tx) => UPGRADE_STEPS[0]!(db, tx) });
    const records = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      source: 'arxiv',
      firstSeenAt: i,
      lastSeenAt: i,
    }));
    for (const r of records) await v1.put('seen', r);
    v1.close();
    // Opened as version 2 shipped: later steps have their own tests.
    const db = await openDB<PaperlightDB>(name, 2, { upgrade: (d, _o, _n, tx) => UPGRADE_STEPS[1]!(d, tx) });
    expect([...db.objectStoreNames].sort()).toEqual(['feedback', 'seen', 'shortlist']);
    expect(await db.getAll('seen')).toEqual([...records].sort((a, b) => a.id.localeCompare(b.id)));
    db.close();
  });

  it('refuses to open a database written by a newer version instead of damaging it', async () => {
    const name = freshName();
    (await openDB(name, DB_VERSION + 1)).close();
    await expect(openPaperlightDb(name)).rejects.toThrow();
  });

  it('recordSeen returns the papers never seen before and keeps when each was first seen', async () => {
    const db = await openPaperlightDb(freshName());
    const first = await recordSeen(
      db,
      [
        { id: 'a', source: 's' },
        { id: 'b', source: 's' },
      ],
      10,
    );
    expect([...first].sort()).toEqual(['a', 'b']);
    const second = await recordSeen(
      db,
      [
        { id: 'b', source: 's' },
        { id: 'c', source: 's' },
      ],
      20,
    );
    expect([...second]).toEqual(['c']);
    expect(await db.get('seen', 'b')).toMatchObject({ firstSeenAt: 10, lastSeenAt: 20 });
    db.close();
  });
});
