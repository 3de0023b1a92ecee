import { describe, expect, it } from 'vitest';
import { recordSeen } from '../../../lib/db/database';
import { SEEN_LIMIT } from '../../../lib/db/schema';
import { freshDb } from './fixtures';

describe('seen history', () => {
  it('is bounded to the last 50,000 papers', () => {
    expect(SEEN_LIMIT).toBe(50_000);
  });

  it('prunes the papers seen longest ago (by lastSeenAt), keeping those seen again recently', async () => {
    const db = await freshDb();
    for (let t = 0; t < 10; t++) await recordSeen(db, [{ id: `p${t}`, source: 's' }], t, 5);
    expect((await db.getAllKeys('seen')).sort()).toEqual(['p5', 'p6', 'p7', 'p8', 'p9']);
    // Seeing p5 again makes it the newest: the next prune takes p6 instead.
    await recordSeen(
      db,
      [
        { id: 'p5', source: 's' },
        { id: 'p10', source: 's' },
      ],
      20,
      5,
    );
    expect((await db.getAllKeys('seen')).sort()).toEqual(['p10', 'p5', 'p7', 'p8', 'p9']);
    expect(await db.get('seen', 'p5')).toMatchObject({ firstSeenAt: 5, lastSeenAt: 20 });
    db.close();
  });

  it('one report larger than the limit keeps only the limit', async () => {
    const db = await freshDb();
    await recordSeen(
      db,
      Array.from({ length: 30 }, (_, i) => ({ id: `x${i}`, source: 's' })),
      1,
      10,
    );
    expect(await db.count('seen')).toBe(10);
    db.close();
  });
});
