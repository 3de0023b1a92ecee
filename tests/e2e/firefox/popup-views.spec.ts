import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { fixturePage } from '../../fixtures/manifest';
import { HF_DAILY } from '../support/expectations';
import {
  closeFirefox,
  launchFirefox,
  newFirefoxProfileDir,
  openAnnotated,
  openPopup,
  removeProfile,
  type FirefoxSession,
} from '../support/firefox';

// A smoke test of the popup's views in Firefox (the Chromium specs test each feature): every tab opens its view
// with its content, ☆ in This page reaches the shortlist, a setting sticks, and nothing overflows sideways.

let session: FirefoxSession | undefined;
let profile: string | undefined;
test.afterEach(async () => {
  if (session) await closeFirefox(session);
  if (profile) removeProfile(profile);
  session = profile = undefined;
});

/** Clicks the popup's tab named `name` and waits for its panel to finish loading. */
async function openTab(popup: Page, name: string): Promise<string> {
  await popup.evaluate((n) => {
    const tab = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]')).find((t) => t.textContent === n);
    if (!tab) throw new Error(`No tab ${n}`);
    tab.click();
  }, name);
  await popup.waitForFunction(
    (n) => {
      const panel = document.querySelector('[role="tabpanel"]');
      const label = panel && document.getElementById(panel.getAttribute('aria-labelledby') ?? '');
      return label?.textContent === n && !panel!.textContent?.includes('Loading…');
    },
    { timeout: 15_000 },
    name,
  );
  return popup.$eval('[role="tabpanel"]', (el) => el.textContent ?? '');
}

test('every popup view opens in Firefox: This page, Shortlist, Interests, Settings', async () => {
  profile = newFirefoxProfileDir();
  session = await launchFirefox(profile);
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session, hf.url, hf.entries);
  const popup = await openPopup(session, page);

  const thisPage = await openTab(popup, 'This page');
  expect(thisPage).toMatch(/\d+ of 28 papers match/);
  // ☆ in the popup saves the agent paper; the shortlist view lists it.
  await popup.$eval(`li[data-paper-id="${HF_DAILY.agentPaper.id}"] button.star`, (b) => (b as HTMLElement).click());
  await popup.waitForFunction(
    (id) => document.querySelector(`li[data-paper-id="${id}"] button.star`)?.getAttribute('aria-pressed') === 'true',
    { timeout: 15_000 },
    HF_DAILY.agentPaper.id,
  );
  await expect.poll(() => openTab(popup, 'Shortlist')).toContain('AgentWorld: Benchmarking Long-Horizon Collaboration');

  const interests = await openTab(popup, 'Interests');
  expect(interests).toContain('LLM agents');
  expect(await popup.$$eval('ul[aria-label="Your interests"] > li', (els) => els.length)).toBeGreaterThan(0);

  await openTab(popup, 'Settings');
  const background = () => popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await popup.evaluate(() => {
    const dark = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim() === 'Dark');
    dark?.querySelector('input')?.click();
  });
  await expect.poll(background).toBe('rgb(22, 24, 29)');

  // No view is wider than the popup.
  for (const name of ['This page', 'Shortlist', 'Interests', 'Settings']) {
    await openTab(popup, name);
    const overflow = await popup.$eval('main', (main) => main.scrollWidth - main.clientWidth);
    expect(overflow, name).toBeLessThanOrEqual(0);
  }

  // The theme choice is stored: a new popup opens dark.
  const again = await openPopup(session, page);
  await expect
    .poll(() => again.evaluate(() => getComputedStyle(document.body).backgroundColor))
    .toBe('rgb(22, 24, 29)');
});
