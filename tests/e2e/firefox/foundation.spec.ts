import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { ARXIV_LIST, HF_DAILY } from '../support/expectations';
import {
  closeFirefox,
  elementScreenshot,
  launchFirefox,
  newFirefoxProfileDir,
  openAnnotated,
  openPopup,
  removeProfile,
  waitForEntries,
  type FirefoxSession,
} from '../support/firefox';
import { fixturePage } from '../../fixtures/manifest';
import { countColorPixels, countTagPixels } from '../support/pixels';

// The same checks as tests/e2e/chromium/foundation.spec.ts, in Firefox (MV2 build) driven by puppeteer-core.

const MATCHES = 'ol[aria-label="Papers on this page"] > li';
const INTERESTS = 'ul[aria-label="Your interests"] > li';
const annotationOf = (id: string) => `[data-paperlight-entry="${id}"] paperlight-annotation`;

/** How many pixels of a tag colour the user sees in an entry's annotation (its strip and chips). */
async function tagPixels(page: Page, id: string, color: string): Promise<number> {
  return countColorPixels(await elementScreenshot(page, annotationOf(id)), color);
}

/** How much of an entry's annotation is drawn in any tag colour: 0 when the entry does not match. */
async function highlightPixels(page: Page, id: string): Promise<number> {
  return countTagPixels(await elementScreenshot(page, annotationOf(id)));
}

function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
}

/** The element matching `selector` whose text is exactly `text` (as a user finds a label or a button). */
async function byText<S extends string>(page: Page, selector: S, text: string) {
  for (const handle of await page.$$(selector)) {
    if ((await handle.evaluate((el) => el.textContent?.trim())) === text) return handle;
  }
  throw new Error(`No ${selector} reading "${text}"`);
}

/** The rows of the popup's interest list that name `keyword`. */
async function interestRows(popup: Page, keyword: string): Promise<string[]> {
  return (await texts(popup, INTERESTS)).filter((t) => t.includes(keyword));
}

let sessions: FirefoxSession[] = [];
let profiles: string[] = [];

/** Launches Firefox on `profile` (a new one by default); afterEach closes it and removes the profile. */
async function launch(profile = newFirefoxProfileDir()): Promise<FirefoxSession> {
  if (!profiles.includes(profile)) profiles.push(profile);
  const session = await launchFirefox(profile);
  sessions.push(session);
  return session;
}

async function close(session: FirefoxSession): Promise<void> {
  sessions = sessions.filter((s) => s !== session);
  await closeFirefox(session);
}

test.afterEach(async () => {
  await Promise.all(sessions.map((s) => closeFirefox(s)));
  sessions = [];
  for (const dir of profiles) removeProfile(dir);
  profiles = [];
});

test('Hugging Face daily page: every entry detected, matches highlighted, popup lists them', async () => {
  const session = await launch();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session, hf.url, hf.entries);

  const ids = await page.$$eval('[data-paperlight-entry]', (els) =>
    els.map((e) => e.getAttribute('data-paperlight-entry')),
  );
  expect(ids).toHaveLength(28);
  expect(new Set(ids).size).toBe(28);
  expect(ids).toContain(HF_DAILY.agentPaper.id);

  // The site's own elements carry the paper id and nothing of the user's: no score, tag or interest.
  const rootAttributes = await page.$eval(`[data-paperlight-entry="${HF_DAILY.agentPaper.id}"]`, (el) =>
    Array.from(el.attributes, (a) => `${a.name}=${a.value}`).join(' '),
  );
  expect(rootAttributes).not.toMatch(/agents|score|Reasoning|#7c3aed/i);

  expect(await tagPixels(page, HF_DAILY.agentPaper.id, HF_DAILY.agentPaper.color)).toBeGreaterThan(200);
  expect(await tagPixels(page, HF_DAILY.reasoningPaper.id, HF_DAILY.reasoningPaper.color)).toBeGreaterThan(200);
  expect(await highlightPixels(page, HF_DAILY.unmatchedPaper.id)).toBe(0);
  // Nor is anything else in that card drawn in a tag colour.
  const unmatchedCard = await elementScreenshot(page, `[data-paperlight-entry="${HF_DAILY.unmatchedPaper.id}"]`);
  expect(countColorPixels(unmatchedCard, HF_DAILY.agentPaper.color)).toBe(0);

  const popup = await openPopup(session, page);
  const summary = () => popup.$eval('[data-testid="match-summary"]', (el) => el.textContent ?? '').catch(() => '');
  await expect.poll(summary).toMatch(/^\d+ of 28 papers match$/);
  const matchCount = Number((await summary()).split(' ')[0]);
  expect(matchCount).toBeGreaterThan(5);
  expect(await popup.$$eval(MATCHES, (els) => els.length)).toBe(matchCount);
  const agentRow = await popup.$eval(`li[data-paper-id="${HF_DAILY.agentPaper.id}"]`, (el) => el.textContent ?? '');
  expect(agentRow).toContain('AgentWorld: Benchmarking Long-Horizon Collaboration');
  expect(agentRow).toContain(HF_DAILY.agentPaper.tag);
  expect(await popup.$$(`li[data-paper-id="${HF_DAILY.unmatchedPaper.id}"]`)).toHaveLength(0);

  // Every entry the popup lists as a match is highlighted on the page, and no other entry is.
  const matchedIds = await popup.$$eval(MATCHES, (els) => els.map((e) => e.getAttribute('data-paper-id') ?? ''));
  for (const id of ids) {
    expect((await highlightPixels(page, id ?? '')) > 200, `entry ${id} highlighted`).toBe(
      matchedIds.includes(id ?? ''),
    );
  }
});

test('arXiv listing: all 50 entries detected and the reasoning paper highlighted', async () => {
  const session = await launch();
  const listing = fixturePage(ARXIV_LIST.file);
  const page = await openAnnotated(session, listing.url, listing.entries);
  expect(await page.$$('[data-paperlight-entry]')).toHaveLength(50);
  expect(await page.$$('dd[data-paperlight-entry="2505.00001"]')).toHaveLength(1);
  expect(await tagPixels(page, ARXIV_LIST.reasoningPaper.id, ARXIV_LIST.reasoningPaper.color)).toBeGreaterThan(200);
});

test('an interest added in the popup highlights new entries after reload, and survives a restart', async () => {
  const profile = newFirefoxProfileDir();
  let session = await launch(profile);
  const hf = fixturePage(HF_DAILY.file);
  const { id } = HF_DAILY.unmatchedPaper;
  let page = await openAnnotated(session, hf.url, hf.entries);
  expect(await highlightPixels(page, id)).toBe(0);

  const popup = await openPopup(session, page, 'interests');
  const label = await byText(popup, 'label', 'Keyword or phrase');
  const field = await popup.$(`#${await label.evaluate((l) => l.htmlFor)}`);
  if (!field) throw new Error('The "Keyword or phrase" label names no field');
  await field.type(HF_DAILY.addedKeyword);
  await (await byText(popup, 'button', 'Add')).click();
  await expect.poll(() => interestRows(popup, HF_DAILY.addedKeyword)).toHaveLength(1);

  await page.bringToFront();
  await page.reload();
  await waitForEntries(page, hf.entries);
  await expect.poll(() => highlightPixels(page, id)).toBeGreaterThan(200);
  const color = await popup.$$eval(
    INTERESTS,
    (rows, keyword) => {
      const chip = rows.find((r) => r.textContent?.includes(keyword))?.querySelector('.chip');
      return chip ? getComputedStyle(chip).backgroundColor : '';
    },
    HF_DAILY.addedKeyword,
  );
  expect(color, "colour of the new interest's chip").toMatch(/^rgb/);
  const [r, g, b] = color.match(/\d+/g)!.map(Number);
  const hex = `#${[r, g, b].map((n) => (n ?? 0).toString(16).padStart(2, '0')).join('')}`;
  expect(await tagPixels(page, id, hex)).toBeGreaterThan(200);

  // Same profile directory, new browser: the interest and the highlight are still there.
  await close(session);
  session = await launch(profile);
  page = await openAnnotated(session, hf.url, hf.entries);
  expect(await tagPixels(page, id, hex)).toBeGreaterThan(200);
  const popupAfter = await openPopup(session, page, 'interests');
  await expect.poll(() => interestRows(popupAfter, HF_DAILY.addedKeyword)).toHaveLength(1);
  await (await byText(popupAfter, 'button[role="tab"]', 'This page')).click();
  await expect
    .poll(() => popupAfter.$eval(`li[data-paper-id="${id}"]`, (el) => el.textContent ?? '').catch(() => ''))
    .toContain(HF_DAILY.addedKeyword);
});
