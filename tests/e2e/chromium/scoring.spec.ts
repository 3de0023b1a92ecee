import { expect, test } from '@playwright/test';
import { fixturePage } from '../../fixtures/manifest';
import {
  launchChromium,
  openAnnotated,
  openPopup,
  sendFromExtensionPage,
  tabIdOf,
  type ChromiumSession,
} from '../support/chromium';
import { HF_DAILY } from '../support/expectations';

interface TabResults {
  entries: { id: string; title: string; abstract?: string; authors: string[] }[];
  results: { id: string; score: number; tags: { name: string }[]; ranker?: { words: string[]; points: number } }[];
}

let session: ChromiumSession | undefined;
test.afterEach(async () => {
  await session?.context.close();
  session = undefined;
});

test('query-language interests tag the right entries; a malformed query is refused with its position', async () => {
  session = await launchChromium();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);
  const popup = await openPopup(session, page, 'interests');
  // FuseReg (2609.31620) lists "Randall Balestriero" among its 16 authors; no other paper of the day does.
  await sendFromExtensionPage(popup, 'addInterest', { name: 'Balestriero', query: 'author:"R. Balestriero"' });
  // Segmentation papers, but not medical ones: LightMIS (2609.28327) is "Medical Image Segmentation".
  await sendFromExtensionPage(popup, 'addInterest', { name: 'Segmentation', query: 'segmentation -medical' });

  await popup.getByLabel('Keyword or phrase').fill('"unclosed phrase');
  await popup.getByRole('button', { name: 'Add' }).click();
  await expect(popup.getByRole('alert')).toContainText(/quote/i);
  await expect(popup.getByRole('alert')).toContainText('at character 1');
  await expect(popup.getByRole('list', { name: 'Your interests' })).not.toContainText('unclosed');

  await page.reload();
  await expect(page.locator('[data-paperlight-entry]')).toHaveCount(hf.entries);
  const tabId = await tabIdOf(session, page);
  await expect
    .poll(async () => {
      const r = await sendFromExtensionPage<TabResults>(popup, 'getTabResults', { tabId });
      return r.results.find((x) => x.id === '2609.31620')?.tags.map((t) => t.name) ?? [];
    })
    .toContain('Balestriero');
  const r = await sendFromExtensionPage<TabResults>(popup, 'getTabResults', { tabId });
  const tagged = (name: string) => r.results.filter((x) => x.tags.some((t) => t.name === name)).map((x) => x.id);
  expect(tagged('Balestriero')).toEqual(['2609.31620']);
  expect(tagged('Segmentation')).not.toContain('2609.28327');
});

test('shortlisting three papers makes the learned ranker raise a similar unshortlisted paper', async () => {
  session = await launchChromium();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);
  const popup = await openPopup(session, page);
  const tabId = await tabIdOf(session, page);
  const before = await sendFromExtensionPage<TabResults>(popup, 'getTabResults', { tabId });
  expect(before.results.some((x) => x.ranker)).toBe(false);

  // Three reinforcement-learning papers of the day.
  const picks = ['2609.29050', '2609.04355', '2609.28660'];
  for (const id of picks) {
    const paper = (await sendFromExtensionPage<{ entries: object[] }>(popup, 'getTabResults', { tabId })).entries.find(
      (e) => (e as { id: string }).id === id,
    );
    await sendFromExtensionPage(popup, 'setShortlisted', { paper, saved: true });
  }
  const shortlisted = await sendFromExtensionPage<{ id: string }[]>(popup, 'listShortlist', {});
  expect(shortlisted.map((p) => p.id).sort()).toEqual([...picks].sort());

  // The ranker trains in the background; reload until the page's scores carry its verdict.
  let after: TabResults = before;
  await expect
    .poll(
      async () => {
        await page.reload();
        await expect(page.locator('[data-paperlight-entry]')).toHaveCount(hf.entries);
        after = await sendFromExtensionPage<TabResults>(popup, 'getTabResults', { tabId });
        return after.results.filter((x) => x.ranker && !picks.includes(x.id)).length;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);

  const raised = after.results
    .filter((x) => x.ranker && !picks.includes(x.id))
    .sort((a, b) => b.ranker!.points - a.ranker!.points)[0]!;
  const was = before.results.find((x) => x.id === raised.id)!;
  expect(raised.score).toBeGreaterThan(was.score);
  // Its explanation names words the shortlisted papers share with it.
  const shortlistText = after.entries
    .filter((e) => picks.includes(e.id))
    .map((e) => `${e.title} ${e.abstract ?? ''} ${e.authors.join(' ')}`)
    .join(' ')
    .toLowerCase();
  expect(raised.ranker!.words.length).toBeGreaterThan(0);
  expect(raised.ranker!.words.some((w) => shortlistText.includes(w.toLowerCase().split(' ')[0]!))).toBe(true);
  // The most raised unshortlisted paper is itself about reinforcement learning.
  const raisedEntry = after.entries.find((e) => e.id === raised.id)!;
  expect(`${raisedEntry.title} ${raisedEntry.abstract}`).toMatch(/\bRL\b|reinforcement|reward|policy/i);
});
