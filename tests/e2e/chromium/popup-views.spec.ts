import { expect, test, type Page } from '@playwright/test';
import type { TabResults } from '../../../lib/messaging/protocol';
import { fixturePage } from '../../fixtures/manifest';
import {
  launchChromium,
  openAnnotated,
  openPopup,
  sendFromExtensionPage,
  tabIdOf,
  type ChromiumSession,
} from '../support/chromium';
import { clickNode, readAnnotations } from '../support/closed-shadow';
import { HF_DAILY } from '../support/expectations';
import { countColorPixels } from '../support/pixels';

// The popup's shell, This page and Settings views, and the toolbar badge, through the real built extension.

let session: ChromiumSession | undefined;
test.afterEach(async () => {
  await session?.context.close();
  session = undefined;
});

const UNSUPPORTED_URL = 'https://example.org/reading-list';

async function badgeText(s: ChromiumSession, page: Page): Promise<string> {
  const tabId = await tabIdOf(s, page);
  const worker = s.context.serviceWorkers()[0]!;
  type Action = { getBadgeText(d: { tabId: number }): Promise<string> };
  return worker.evaluate(
    (id) => (globalThis as unknown as { chrome: { action: Action } }).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

test('This page: matches first by score with tags, score and why; ☆ saves; the rest on demand', async () => {
  session = await launchChromium();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);
  const popup = await openPopup(session, page);
  await expect(popup.getByRole('tab', { name: 'This page' })).toHaveAttribute('aria-selected', 'true');
  const rows = popup.getByRole('list', { name: 'Papers on this page' }).getByRole('listitem');
  const summary = (await popup.getByTestId('match-summary').textContent()) ?? '';
  const matches = Number(summary.split(' ')[0]);
  await expect(rows).toHaveCount(matches);

  // Best first: the scores shown never rise down the list, and every row names its tags and why.
  const scores = await rows.locator('.score').allTextContents();
  expect(scores).toHaveLength(matches);
  const numbers = scores.map(Number);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  const agent = popup.locator(`li[data-paper-id="${HF_DAILY.agentPaper.id}"]`);
  await expect(agent).toContainText(HF_DAILY.agentPaper.tag);
  await expect(agent.locator('.why')).toContainText(/^Why: “.+” in the (title|abstract)/);

  // ☆ in the popup saves the paper: the page shows ★ without a reload.
  await agent.getByRole('button', { name: /^Add “AgentWorld/ }).click();
  await expect(agent.getByRole('button', { name: /^Remove “AgentWorld/ })).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await readAnnotations(page)).find((a) => a.id === HF_DAILY.agentPaper.id)?.star)
    .toBe('★');

  // The papers that match nothing come after the matches, when asked for.
  await popup.getByRole('button', { name: /^Show the papers that match nothing too/ }).click();
  await expect(rows).toHaveCount(hf.entries);
  await expect(rows.last()).not.toHaveClass(/\bmatch\b/);
  await expect(popup.locator(`li[data-paper-id="${HF_DAILY.unmatchedPaper.id}"]`)).toBeVisible();
});

test('the views are tabs: arrow keys move between them, and the full view opens from the popup', async () => {
  session = await launchChromium();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);
  const popup = await openPopup(session, page);
  await popup.getByRole('tab', { name: 'This page' }).focus();
  await popup.keyboard.press('ArrowRight');
  await expect(popup.getByRole('tab', { name: 'Shortlist' })).toBeFocused();
  await expect(popup.getByRole('tabpanel', { name: 'Shortlist' })).toBeVisible();
  await popup.keyboard.press('End');
  await expect(popup.getByRole('tabpanel', { name: 'Settings' })).toBeVisible();
  await popup.keyboard.press('ArrowRight');
  await expect(popup.getByRole('tab', { name: 'This page' })).toHaveAttribute('aria-selected', 'true');

  const [options] = await Promise.all([
    session.context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Open the full view' }).click(),
  ]);
  await options.waitForLoadState();
  expect(options.url()).toContain(`chrome-extension://${session.extensionId}/options.html`);
  await expect(options.getByRole('tab', { name: 'Shortlist' })).toHaveAttribute('aria-selected', 'true');
});

test('every view fits the popup: no horizontal scroll at 420 px, nothing wider than 800×600 allows', async () => {
  session = await launchChromium();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);
  const popup = await openPopup(session, page);
  for (const name of ['This page', 'Shortlist', 'Interests', 'Settings']) {
    await popup.getByRole('tab', { name }).click();
    await expect(popup.getByRole('tabpanel', { name })).toBeVisible();
    const size = await popup.locator('main').evaluate((main) => ({
      width: main.getBoundingClientRect().width,
      overflow: main.scrollWidth - main.clientWidth,
    }));
    expect(size.width, name).toBeLessThanOrEqual(800);
    expect(size.overflow, name).toBeLessThanOrEqual(0);
  }
});

test('a page no adapter reads: the popup names the supported sites', async () => {
  session = await launchChromium(undefined, {
    extraPages: { [UNSUPPORTED_URL]: '<!doctype html><title>List</title><h1>My reading list</h1>' },
  });
  const page = await session.context.newPage();
  await page.goto(UNSUPPORTED_URL);
  // Without the `tabs` permission the extension cannot read this tab's address, so no `?tab=`: the popup speaks
  // about the most recently used tab that is not its own, as when the toolbar button opens it.
  await page.bringToFront();
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await expect(popup.getByRole('tabpanel', { name: 'This page' })).toContainText(
    /Paperlight works on Hugging Face Papers, arXiv, OpenReview, .*Google Scholar\. Open one of those pages to see its matches\./,
  );
});

test('the toolbar badge counts the matches on the tab, and shows nothing for 0', async () => {
  session = await launchChromium();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);
  const popup = await openPopup(session, page);
  const tabId = await tabIdOf(session, page);
  const results = await sendFromExtensionPage<TabResults>(popup, 'getTabResults', { tabId });
  const matches = results.results.filter((r) => r.score > 0).length;
  expect(matches).toBeGreaterThan(0);
  await expect.poll(() => badgeText(session!, page)).toBe(String(matches));

  // No interest left: nothing matches, and the badge is empty rather than "0".
  await sendFromExtensionPage(popup, 'saveInterests', { interests: [] });
  await page.reload();
  await expect.poll(() => badgeText(session!, page)).toBe('');
});

test('Settings: theme follows the system unless chosen; the highlight style changes how the page marks matches', async () => {
  session = await launchChromium();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);
  const popup = await openPopup(session, page, 'settings');
  const background = () => popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await popup.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).toBe('rgb(255, 255, 255)');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).toBe('rgb(22, 24, 29)');
  await popup.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(background).toBe('rgb(255, 255, 255)');
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(background).toBe('rgb(22, 24, 29)');
  // The choice is stored: a new popup opens dark on a light system.
  const again = await openPopup(session, page, 'settings');
  await again.emulateMedia({ colorScheme: 'light' });
  await expect
    .poll(() => again.evaluate(() => getComputedStyle(document.body).backgroundColor))
    .toBe('rgb(22, 24, 29)');

  // Highlight style: an outline in the tag's colour draws far more of it than the bar alone.
  const { id, color } = HF_DAILY.agentPaper;
  const annotation = page.locator(`[data-paperlight-entry="${id}"] paperlight-annotation`);
  const tagPixels = async () => {
    await annotation.scrollIntoViewIfNeeded();
    return countColorPixels(await annotation.screenshot(), color);
  };
  await popup.getByRole('radio', { name: 'Bar at the left edge' }).check();
  await expect.poll(tagPixels).toBeGreaterThan(0);
  const bar = await tagPixels();
  await popup.getByRole('radio', { name: 'Outline' }).check();
  await expect.poll(tagPixels).toBeGreaterThan(bar + 500);
});

test('Settings: the ranker, keyboard shortcuts and term marks switch and stay switched', async () => {
  session = await launchChromium();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);
  const popup = await openPopup(session, page, 'settings');
  const settings = () => sendFromExtensionPage<Record<string, unknown>>(popup, 'getSettings', {});
  for (const [label, field] of [
    [/^Rank by similarity to my shortlist/, 'rankerEnabled'],
    [/^Keyboard shortcuts on listings/, 'keyboardShortcuts'],
    [/^Mark matched words/, 'highlightTerms'],
  ] as const) {
    const box = popup.getByRole('checkbox', { name: label });
    await expect(box).toBeChecked();
    await box.uncheck();
    await expect.poll(async () => (await settings())[field]).toBe(false);
  }
  await popup.reload();
  await expect(popup.getByRole('checkbox', { name: /^Rank by similarity/ })).not.toBeChecked();
  // Shortcuts off: j no longer moves the focus on the page.
  await page.bringToFront();
  await page.keyboard.press('j');
  await page.waitForTimeout(300);
  expect((await readAnnotations(page)).some((a) => a.focused)).toBe(false);
});

test('the full view, left open, shows a paper saved on a listing in another tab when the user comes back', async () => {
  session = await launchChromium();
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await expect(options.getByText(/^Nothing saved yet/)).toBeVisible();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);
  await page.bringToFront();
  const agent = (await readAnnotations(page)).find((a) => a.id === HF_DAILY.agentPaper.id)!;
  await clickNode(page, agent.buttons.star!);
  await expect.poll(async () => (await readAnnotations(page)).find((a) => a.id === agent.id)?.star).toBe('★');
  await options.bringToFront();
  await expect(options.getByRole('list', { name: 'Your shortlist' })).toContainText('AgentWorld');
});
