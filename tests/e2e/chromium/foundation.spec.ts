import { expect, test, type Page } from '@playwright/test';
import { launchChromium, newProfileDir, openAnnotated, openPopup, type ChromiumSession } from '../support/chromium';
import { ARXIV_LIST, HF_DAILY } from '../support/expectations';
import { fixturePage } from '../../fixtures/manifest';
import { countColorPixels, countTagPixels } from '../support/pixels';

/**
 * How many pixels of a tag colour the user sees in an entry's annotation (its strip and chips). The shot is of
 * the annotation itself: HF cards use `content-visibility: auto`, so a whole card's box shifts while scrolling.
 */
async function tagPixels(page: Page, id: string, color: string): Promise<number> {
  const annotation = page.locator(`[data-paperlight-entry="${id}"] paperlight-annotation`);
  // Scroll until the layout stops moving: cards above it render (and grow) only once they come into view.
  for (let top = NaN, i = 0; i < 10; i++) {
    await annotation.scrollIntoViewIfNeeded();
    const now = await annotation.evaluate((el) => el.getBoundingClientRect().top);
    if (now === top) break;
    top = now;
  }
  return countColorPixels(await annotation.screenshot(), color);
}

/**
 * How much of an entry's annotation is drawn in any tag colour: 0 when the entry does not match (every entry
 * has the same annotation row, with its ☆, so the size of the row says nothing).
 */
async function highlightPixels(page: Page, id: string): Promise<number> {
  const annotation = page.locator(`[data-paperlight-entry="${id}"] paperlight-annotation`);
  await annotation.scrollIntoViewIfNeeded();
  return countTagPixels(await annotation.screenshot());
}

let session: ChromiumSession | undefined;
test.afterEach(async () => {
  await session?.context.close();
  session = undefined;
});

test('Hugging Face daily page: every entry detected, matches highlighted, popup lists them', async () => {
  session = await launchChromium();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);

  const ids = await page
    .locator('[data-paperlight-entry]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-paperlight-entry')));
  expect(ids).toHaveLength(28);
  expect(new Set(ids).size).toBe(28);
  expect(ids).toContain(HF_DAILY.agentPaper.id);

  // The site's own elements carry the paper id and nothing of the user's: no score, tag or interest.
  const rootAttributes = await page
    .locator(`[data-paperlight-entry="${HF_DAILY.agentPaper.id}"]`)
    .evaluate((el) => Array.from(el.attributes, (a) => `${a.name}=${a.value}`).join(' '));
  expect(rootAttributes).not.toMatch(/agents|score|Reasoning|#7c3aed/i);

  expect(await tagPixels(page, HF_DAILY.agentPaper.id, HF_DAILY.agentPaper.color)).toBeGreaterThan(200);
  expect(await tagPixels(page, HF_DAILY.reasoningPaper.id, HF_DAILY.reasoningPaper.color)).toBeGreaterThan(200);
  expect(await highlightPixels(page, HF_DAILY.unmatchedPaper.id)).toBe(0);

  const popup = await openPopup(session, page);
  const matches = popup.getByRole('list', { name: 'Papers on this page' }).getByRole('listitem');
  await expect(popup.getByTestId('match-summary')).toHaveText(/^\d+ of 28 papers match$/);
  const matchCount = Number((await popup.getByTestId('match-summary').textContent())?.split(' ')[0]);
  expect(matchCount).toBeGreaterThan(5);
  await expect(matches).toHaveCount(matchCount);
  const agentRow = popup.locator(`li[data-paper-id="${HF_DAILY.agentPaper.id}"]`);
  await expect(agentRow).toContainText('AgentWorld: Benchmarking Long-Horizon Collaboration');
  await expect(agentRow).toContainText(HF_DAILY.agentPaper.tag);
  await expect(popup.locator(`li[data-paper-id="${HF_DAILY.unmatchedPaper.id}"]`)).toHaveCount(0);

  // Every entry the popup lists as a match is highlighted on the page, and no other entry is.
  const matchedIds = await matches.evaluateAll((els) => els.map((e) => e.getAttribute('data-paper-id') ?? ''));
  for (const id of ids) {
    const drawn = await highlightPixels(page, id ?? '');
    expect(drawn > 200, `entry ${id} highlighted`).toBe(matchedIds.includes(id ?? ''));
  }
});

test('arXiv listing: all 50 entries detected and the reasoning paper highlighted', async () => {
  session = await launchChromium();
  const listing = fixturePage(ARXIV_LIST.file);
  const page = await openAnnotated(session.context, listing.url, listing.entries);
  await expect(page.locator('[data-paperlight-entry]')).toHaveCount(50);
  await expect(page.locator('dd[data-paperlight-entry="2505.00001"]')).toHaveCount(1);
  expect(await tagPixels(page, ARXIV_LIST.reasoningPaper.id, ARXIV_LIST.reasoningPaper.color)).toBeGreaterThan(200);
});

test('an interest added in the popup highlights new entries after reload, and survives a restart', async () => {
  const profile = newProfileDir();
  session = await launchChromium(profile);
  const hf = fixturePage(HF_DAILY.file);
  const { id } = HF_DAILY.unmatchedPaper;
  let page = await openAnnotated(session.context, hf.url, hf.entries);
  expect(await highlightPixels(page, id)).toBe(0);

  const popup = await openPopup(session, page, 'interests');
  await popup.getByLabel('Keyword or phrase').fill(HF_DAILY.addedKeyword);
  await popup.getByRole('button', { name: 'Add' }).click();
  const added = popup.getByRole('list', { name: 'Your interests' }).getByRole('listitem').filter({
    hasText: HF_DAILY.addedKeyword,
  });
  await expect(added).toHaveCount(1);

  await page.reload();
  await page.waitForFunction(
    (entry) => document.querySelector(`[data-paperlight-entry="${entry}"] paperlight-annotation`) !== null,
    id,
  );
  await expect.poll(() => highlightPixels(page, id)).toBeGreaterThan(200);
  const color = await added.locator('.chip').evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = color.match(/\d+/g)!.map(Number);
  const hex = `#${[r, g, b].map((n) => (n ?? 0).toString(16).padStart(2, '0')).join('')}`;
  expect(await tagPixels(page, id, hex)).toBeGreaterThan(200);

  // Same profile directory, new browser: the interest and the highlight are still there.
  await session.context.close();
  session = await launchChromium(profile);
  page = await openAnnotated(session.context, hf.url, hf.entries);
  expect(await tagPixels(page, id, hex)).toBeGreaterThan(200);
  const popupAfter = await openPopup(session, page, 'interests');
  await expect(
    popupAfter.getByRole('list', { name: 'Your interests' }).getByRole('listitem').filter({
      hasText: HF_DAILY.addedKeyword,
    }),
  ).toHaveCount(1);
  await popupAfter.getByRole('tab', { name: 'This page' }).click();
  await expect(popupAfter.locator(`li[data-paper-id="${id}"]`)).toContainText(HF_DAILY.addedKeyword);
});
