import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { openPaperlightDb } from '../../../lib/db/database';
import { sendMessage } from '../../../lib/messaging/client';
import { createRouter } from '../../../lib/messaging/router';
import { interestsItem, readInterests } from '../../../lib/storage/interests';
import { interest, paper } from '../helpers';

// The interest editor's messages, end to end through the real router and the real handlers: the popup's
// sendMessage → envelope → router (validates) → handler → storage, and the answer validated on the way back.

const TAB = 9;
const sender = { tab: { id: TAB } } as Parameters<ReturnType<typeof createRouter>>[1];
let n = 0;

const agents = interest({ id: 'agents', name: 'Agents', query: 'agent' });
const protein = interest({ id: 'protein', name: 'Protein', query: 'protein', color: '#16a34a' });
const entries = [
  paper({ id: '1', title: 'Agents at work' }),
  paper({ id: '2', title: 'Protein folding with agents' }),
  paper({ id: '3', title: 'Protein design' }),
  paper({ id: '4', title: 'Graph neural networks' }),
];

// fake-browser ignores onMessage listeners that answer with a Promise: deliver to the router the way the real
// runtime does, the sender's message object in, the listener's promised reply out.
function connect() {
  const router = createRouter(createHandlers({ db: openPaperlightDb(`interest-handlers-${++n}`), now: () => 1 }));
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
    ((message: unknown) =>
      router(message, sender) ?? Promise.resolve(undefined)) as typeof fakeBrowser.runtime.sendMessage,
  );
}

/** The tab's papers with the tags they get now (a report as the content script sends it). */
async function tags(): Promise<Record<string, string[]>> {
  const { results } = await sendMessage('reportEntries', { url: 'u', adapterId: 'arxiv', entries, settled: true });
  return Object.fromEntries(results.map((r) => [r.id, r.tags.map((t) => t.name)]));
}

describe('interest messages through the router', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await interestsItem.setValue([agents, protein]);
    connect();
  });

  describe('updateInterest', () => {
    it('changes name, query, colour, weight and on/off, and the scores follow', async () => {
      expect(await tags()).toMatchObject({ '1': ['Agents'], '3': ['Protein'] });
      const list = await sendMessage('updateInterest', {
        id: 'agents',
        patch: { name: 'Graphs', query: '"graph neural"', color: '#123456', weight: 3 },
      });
      expect(list[0]).toEqual({ ...agents, name: 'Graphs', query: '"graph neural"', color: '#123456', weight: 3 });
      expect(await readInterests()).toEqual(list);
      expect(await tags()).toMatchObject({ '1': [], '4': ['Graphs'] });

      await sendMessage('updateInterest', { id: 'protein', patch: { enabled: false } });
      expect(await tags()).toMatchObject({ '2': [], '3': [] });
    });

    it('sets and clears a mute (null takes it off)', async () => {
      let list = await sendMessage('updateInterest', { id: 'protein', patch: { mute: 'hide' } });
      expect(list[1]?.mute).toBe('hide');
      const { results } = await sendMessage('reportEntries', { url: 'u', adapterId: 'a', entries, settled: true });
      expect(results.find((r) => r.id === '2')).toMatchObject({ score: 0, muted: 'hide' });
      list = await sendMessage('updateInterest', { id: 'protein', patch: { mute: null } });
      expect(list[1]).toEqual(protein);
      expect(list[1]).not.toHaveProperty('mute');
    });

    it('refuses a query that does not parse, saying where, and changes nothing', async () => {
      await expect(
        sendMessage('updateInterest', { id: 'agents', patch: { query: 'agent AND (planning' } }),
      ).rejects.toThrow(/updateInterest: Unclosed "\(".*\(at character 11\)/);
      expect(await readInterests()).toEqual([agents, protein]);
    });

    it('refuses an out-of-range weight or a bad colour at the router, and ignores an unknown id', async () => {
      await expect(sendMessage('updateInterest', { id: 'agents', patch: { weight: 11 } })).rejects.toThrow();
      await expect(
        fakeBrowser.runtime.sendMessage({
          paperlight: 1,
          type: 'updateInterest',
          data: { id: 'agents', patch: { color: 'red' } },
        }),
      ).resolves.toMatchObject({ ok: false, error: expect.stringMatching(/^updateInterest: /) });
      expect(await sendMessage('updateInterest', { id: 'nobody', patch: { name: 'X' } })).toEqual([agents, protein]);
    });
  });

  describe('saveInterests', () => {
    it('makes the list exactly the one sent, in its order (reorder, undo a delete, import)', async () => {
      expect(await sendMessage('saveInterests', { interests: [protein, agents] })).toEqual([protein, agents]);
      expect(await readInterests()).toEqual([protein, agents]);
      // Undo a delete: the removed interest goes back where it was.
      await sendMessage('removeInterest', { id: 'protein' });
      expect(await sendMessage('saveInterests', { interests: [protein, agents] })).toEqual([protein, agents]);
      const imported = interest({ id: 'rag', name: 'RAG', query: 'RAG, "retrieval augmented"', mute: 'lower' });
      expect(await sendMessage('saveInterests', { interests: [imported] })).toEqual([imported]);
      expect(await sendMessage('saveInterests', { interests: [] })).toEqual([]);
    });

    it('refuses the whole list when one query does not parse, or two share an id, and changes nothing', async () => {
      const broken = interest({ id: 'broken', name: 'Broken', query: '"unclosed' });
      await expect(sendMessage('saveInterests', { interests: [agents, broken] })).rejects.toThrow(
        /saveInterests: Unclosed quote.*\(at character 1\)/,
      );
      await expect(sendMessage('saveInterests', { interests: [agents, agents] })).rejects.toThrow(/share one id/);
      expect(await readInterests()).toEqual([agents, protein]);
    });

    it('refuses an invalid interest at the router', async () => {
      const reply = await fakeBrowser.runtime.sendMessage({
        paperlight: 1,
        type: 'saveInterests',
        data: { interests: [{ ...agents, weight: 99 }] },
      });
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^saveInterests: /) });
      expect(await readInterests()).toEqual([agents, protein]);
    });
  });

  describe('countMatches', () => {
    it('is null for a tab that reported nothing', async () => {
      expect(await sendMessage('countMatches', { tabId: 1234, query: 'agent' })).toBeNull();
    });

    it('counts the tab’s papers a draft query matches, without saving anything', async () => {
      await tags();
      expect(await sendMessage('countMatches', { tabId: TAB, query: 'agent' })).toEqual({ matched: 2, total: 4 });
      expect(await sendMessage('countMatches', { tabId: TAB, query: 'protein -agent' })).toEqual({
        matched: 1,
        total: 4,
      });
      expect(await sendMessage('countMatches', { tabId: TAB, query: 'title:quantum' })).toEqual({
        matched: 0,
        total: 4,
      });
      expect(await readInterests()).toEqual([agents, protein]);
    });

    it('counts nothing for a query that does not parse (the editor shows the error instead)', async () => {
      await tags();
      expect(await sendMessage('countMatches', { tabId: TAB, query: '(agent' })).toEqual({ matched: 0, total: 4 });
    });
  });

  it('addInterest keeps a preset’s mute', async () => {
    const list = await sendMessage('addInterest', { name: 'Surveys', query: 'title:survey', mute: 'lower' });
    expect(list[2]).toMatchObject({ name: 'Surveys', query: 'title:survey', mute: 'lower', enabled: true });
  });

  it('checkQuery says where a query fails', async () => {
    expect(await sendMessage('checkQuery', { query: 'agent AND (planning' })).toEqual({
      ok: false,
      error: 'Unclosed "(": add a closing ")"',
      position: 10,
    });
    expect(await sendMessage('checkQuery', { query: 'agent' })).toEqual({ ok: true });
  });
});
