import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_INTERESTS } from '../../../lib/storage/default-interests';
import {
  addInterest,
  interestsItem,
  quarantinedInterestsItem,
  readInterests,
  removeInterest,
} from '../../../lib/storage/interests';

describe('interests storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts with the starter interests on first use', async () => {
    expect(await readInterests()).toEqual(DEFAULT_INTERESTS);
  });

  it('leaves interests written by a newer version untouched instead of reading them as its own', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const future = [{ id: 'f', title: 'a future shape' }];
    await fakeBrowser.storage.local.set({ interests: future, interests$: { v: 3 } });
    vi.resetModules();
    const fresh = await import('../../../lib/storage/interests');
    await vi.waitFor(() => expect(errors).toHaveBeenCalled());
    expect(String(errors.mock.calls[0]?.[1])).toMatch(/downgrade/i);
    expect(await fresh.interestsItem.getValue()).toEqual(future);
    expect((await fakeBrowser.storage.local.get('interests'))['interests']).toEqual(future);
  });

  it('adds a keyword interest with a unique id and a palette colour, and removes it', async () => {
    await interestsItem.setValue([]);
    let list = await addInterest({ name: 'Speech' });
    list = await addInterest({ name: 'speech' });
    expect(list.map((i) => i.id)).toEqual(['speech', 'speech-2']);
    expect(list[0]).toMatchObject({ name: 'Speech', query: 'Speech', weight: 1, enabled: true });
    expect(list[0]?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect((await removeInterest('speech')).map((i) => i.id)).toEqual(['speech-2']);
    expect((await readInterests()).map((i) => i.id)).toEqual(['speech-2']);
  });

  it('migrates a version 1 list: comma-separated keywords keep their meaning in the query language', async () => {
    const v1 = [
      {
        id: 'rl',
        name: 'RL',
        query: 'reinforcement learning, RL,reward model',
        color: '#112233',
        weight: 1,
        enabled: true,
      },
    ];
    await fakeBrowser.storage.local.set({ interests: v1 });
    vi.resetModules();
    const fresh = await import('../../../lib/storage/interests');
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get('interests$'))['interests$']).toEqual({ v: 2 }),
    );
    expect((await fresh.readInterests())[0]?.query).toBe('"reinforcement learning", RL, "reward model"');
  });

  it('keeps an empty list empty: deleting every interest does not bring the starters back', async () => {
    for (const i of DEFAULT_INTERESTS) await removeInterest(i.id);
    expect(await readInterests()).toEqual([]);
  });

  it('sets an invalid stored interest aside instead of losing it or the others', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken = { id: 'x', name: '', query: 'agent', color: 'red', weight: 1, enabled: true };
    await interestsItem.setValue([DEFAULT_INTERESTS[0], broken]);
    expect(await readInterests()).toEqual([DEFAULT_INTERESTS[0]]);
    expect(await quarantinedInterestsItem.getValue()).toEqual([broken]);
  });
});
