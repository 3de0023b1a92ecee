import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sendMessage } from '../../../lib/messaging/client';
import { createRouter, type Handlers } from '../../../lib/messaging/router';
import { SettingsSchema } from '../../../lib/schema/settings';
import { interest } from '../helpers';

const sender = { tab: { id: 7 } } as Parameters<ReturnType<typeof createRouter>>[1];

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    reportEntries: async ({ entries }) => ({
      results: entries.map((e) => ({ id: e.id, score: 0, tags: [], reasons: [] })),
      saved: [],
      fresh: [],
      feedback: {},
    }),
    getTabResults: async () => null,
    listInterests: async () => [interest({ query: 'agent' })],
    addInterest: async () => [],
    removeInterest: async () => [],
    updateInterest: async () => [],
    saveInterests: async () => [],
    countMatches: async () => null,
    checkQuery: async () => ({ ok: true }),
    setShortlisted: async ({ saved }) => ({ saved }),
    listShortlist: async () => [],
    listShortlistRecords: async () => [],
    updateShortlisted: async () => null,
    removeShortlisted: async () => [],
    restoreShortlisted: async () => ({}),
    listShortlistSummaries: async () => ({ total: 0, lines: '' }),
    searchShortlist: async () => ({ ids: [] }),
    exportFile: async () => ({ text: '', fileName: 'x', mimeType: 'text/plain', count: 0 }),
    importFile: async () => ({ format: 'backup', added: [], updated: [], unchanged: [], removed: [] }),
    setFeedback: async () => ({}),
    getSettings: async () => SettingsSchema.parse({}),
    updateSettings: async () => SettingsSchema.parse({}),
    setSiteView: async () => SettingsSchema.parse({}),
    setSiteEnabled: async () => SettingsSchema.parse({}),
    ...overrides,
  };
}

// fake-browser ignores listeners that answer with a Promise, so messages are delivered to the router the way
// the real runtime does: the sender's message object in, the listener's promised reply out.
function connect(router: ReturnType<typeof createRouter>) {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
    ((message: unknown) =>
      router(message, sender) ?? Promise.resolve(undefined)) as typeof fakeBrowser.runtime.sendMessage,
  );
}

describe('message protocol', () => {
  beforeEach(() => fakeBrowser.reset());

  it('delivers a valid request and validates the answer', async () => {
    connect(createRouter(handlers()));
    await expect(sendMessage('listInterests', {})).resolves.toEqual([interest({ query: 'agent' })]);
  });

  it('passes the sender to the handler', async () => {
    const seen: (number | undefined)[] = [];
    connect(
      createRouter(
        handlers({
          getTabResults: async (_data, s) => {
            seen.push(s.tab?.id);
            return null;
          },
        }),
      ),
    );
    await sendMessage('getTabResults', { tabId: 3 });
    expect(seen).toEqual([7]);
  });

  it('refuses a malformed request before sending it', async () => {
    connect(createRouter(handlers()));
    // @ts-expect-error: the protocol's types forbid this; the schema must too
    await expect(sendMessage('getTabResults', { tabId: 'seven' })).rejects.toThrow();
    expect(fakeBrowser.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('answers a malformed payload from elsewhere with an error, not a crash', async () => {
    const router = createRouter(handlers());
    const reply = await router({ paperlight: 1, type: 'removeInterest', data: { id: 42 } }, sender);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('removeInterest') });
  });

  it('reports a handler failure to the sender', async () => {
    connect(createRouter(handlers({ listInterests: async () => Promise.reject(new Error('disk full')) })));
    await expect(sendMessage('listInterests', {})).rejects.toThrow(/disk full/);
  });

  it('rejects an answer that breaks the protocol', async () => {
    const bad = handlers({ listInterests: async () => [{ id: 'x' }] as never });
    const reply = await createRouter(bad)({ paperlight: 1, type: 'listInterests', data: {} }, sender);
    expect(reply).toMatchObject({ ok: false });
  });

  it('leaves messages that are not ours to other listeners', () => {
    const router = createRouter(handlers());
    expect(router({ type: 'listInterests' }, sender)).toBeUndefined();
    expect(router({ paperlight: 1, type: 'dropTables', data: {} }, sender)).toBeUndefined();
    expect(router('hello', sender)).toBeUndefined();
  });
});
