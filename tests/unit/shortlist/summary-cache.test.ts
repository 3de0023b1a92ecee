import { describe, expect, it, vi } from 'vitest';
import type { ShortlistRecord } from '../../../lib/schema/shortlist';
import { ShortlistCache } from '../../../lib/shortlist/summary-cache';
import { parseSummaryLines } from '../../../lib/shortlist/summary';
import { record } from './fixtures';

const ids = async (cache: ShortlistCache, limit?: number) =>
  (await parseSummaryLines((await cache.summaryLines(limit)).lines)).map((s) => s.id.slice(-1));

describe('the background’s shortlist cache', () => {
  it('reads the records once, newest first, and answers summaries and searches from memory', async () => {
    const records = [record(1, { title: 'Reward models' }), record(3), record(2, { abstract: 'about rewards' })];
    const load = vi.fn(async () => records);
    const cache = new ShortlistCache(load);
    expect(cache.warm).toBe(false);
    expect(await ids(cache)).toEqual(['3', '2', '1']);
    expect(await ids(cache, 2)).toEqual(['3', '2']);
    expect((await cache.summaryLines(2)).total).toBe(3);
    expect((await cache.search('REWARD')).map((id) => id.slice(-1))).toEqual(['2', '1']);
    expect(await cache.search('reward nothing')).toEqual([]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.warm).toBe(true);
  });

  it('follows edits and removals without reading again, and reads again after invalidate', async () => {
    let records = [record(1), record(2)];
    const load = vi.fn(async () => records);
    const cache = new ShortlistCache(load);
    await cache.summaryLines();
    cache.put({ ...records[0]!, note: 'a fresh note' });
    expect(await cache.search('fresh')).toEqual([records[0]!.id]);
    cache.remove([records[1]!.id]);
    expect(await ids(cache)).toEqual(['1']);
    // An undo puts a record back in its place by date; one that absorbed another (same paper) replaces it.
    cache.put(records[1]!);
    expect(await ids(cache)).toEqual(['2', '1']);
    const merged: ShortlistRecord = { ...record(5), aliases: [record(5).id, records[0]!.id] };
    cache.put(merged);
    expect(await ids(cache)).toEqual(['5', '2']);
    expect(load).toHaveBeenCalledTimes(1);
    records = [record(9)];
    cache.invalidate();
    expect(await ids(cache)).toEqual(['9']);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep a read that a change overtook', async () => {
    let release!: () => void;
    let records = [record(1)];
    const cache = new ShortlistCache(async () => {
      const now = records;
      await new Promise<void>((r) => (release = r));
      return now;
    });
    const first = cache.summaryLines();
    records = [record(2)];
    cache.invalidate();
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    expect((await parseSummaryLines((await first).lines)).map((s) => s.id.slice(-1))).toEqual(['2']);
  });

  it('reports a failed read to the caller and tries again next time', async () => {
    let fail = true;
    const cache = new ShortlistCache(async () => {
      if (fail) throw new Error('disk');
      return [record(1)];
    });
    cache.warmUp();
    await expect(cache.search('x')).rejects.toThrow('disk');
    fail = false;
    expect(await ids(cache)).toEqual(['1']);
  });
});
