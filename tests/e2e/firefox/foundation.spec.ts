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
import { fixturePage } from '../support/fixture-pages';
import { countColorPixels } from '../support/pixels';

// The same checks as tests/e2e/chromium/foundation.spec.ts, in Firefox (MV2 build) driven by puppeteer-core.

const MATCHES = 'ol[aria-label="Matching papers"] > li';
const INTERESTS = 'ul[aria-label="Your interests"] > li';
const hostSelector = (id: string) => `[data-paperlight-entry="${id}"] > paperlight-annotation`;

/** How many pixels of a tag colour the user sees on an entry (its highlight strip and chips). */
async function tagPixels(page: Page, id: string, color: string): Promise<number> {
  return countColorPixels(await elementScreenshot(page, `[data-paperlight-entry="${id}"]`), color);
}

/** The height of an entry's annotation host: 0 when the entry does not match. */
function hostHeight(page: Page, id: string): Promise<number> {
  return page.$eval(hostSelector(id), (el) => el.getBoundingClientRect().height);
}

function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
}

/** The rows of the popup's interest list that name `keyword`. */
async function interestRows(popup: Page, keyword: string): Promise<string[]> {
  return (await texts(popup, INTERESTS)).filter((t) => t.includes(keyword));
}

let sessions: FirefoxSession[] = [];
let profiles: string[] = [];

async function launch(profile?: string): Promise<FirefoxSession> {
  const session = await launchFirefox(profile);
  sessions.push(session);
  if (!profiles.includes(session.userDataDir)) profiles.push(session.userDataDir);
  return session;
}

test.afterEach(async () => {
  await Promise.all(sessions.map((s) => closeFirefox(s)));
  for (const dir of profiles) removeProfile(dir);
  sessions = [];
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
  expect(await tagPixels(page, HF_DAILY.unmatchedPaper.id, HF_DAILY.agentPaper.color)).toBe(0);

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
    expect((await hostHeight(page, id ?? '')) > 0, `entry ${id} highlighted`).toBe(matchedIds.includes(id ?? ''));
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
  profiles.push(profile);
  let session = await launch(profile);
  const hf = fixturePage(HF_DAILY.file);
  const { id } = HF_DAILY.unmatchedPaper;
  let page = await openAnnotated(session, hf.url, hf.entries);
  expect(await hostHeight(page, id)).toBe(0);

  const popup = await openPopup(session, page);
  const input = await popup.evaluateHandle(
    () =>
      Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim() === 'Keyword or phrase')
        ?.control ?? null,
  );
  const field = input.asElement();
  if (!field) throw new Error('No field labelled "Keyword or phrase" in the popup');
  await field.type(HF_DAILY.addedKeyword);
  const addButton = (
    await popup.evaluateHandle(
      () => Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Add') ?? null,
    )
  ).asElement();
  if (!addButton) throw new Error('No "Add" button in the popup');
  await addButton.click();
  await expect.poll(() => interestRows(popup, HF_DAILY.addedKeyword)).toHaveLength(1);

  await page.bringToFront();
  await page.reload();
  await waitForEntries(page, hf.entries);
  await expect.poll(() => hostHeight(page, id)).toBeGreaterThan(0);
  const rows = await popup.$$(INTERESTS);
  let color = '';
  for (const row of rows) {
    if (!(await row.evaluate((el) => el.textContent ?? '')).includes(HF_DAILY.addedKeyword)) continue;
    color = await row.$eval('.chip', (el) => getComputedStyle(el).backgroundColor);
  }
  const [r, g, b] = color.match(/\d+/g)!.map(Number);
  const hex = `#${[r, g, b].map((n) => (n ?? 0).toString(16).padStart(2, '0')).join('')}`;
  expect(await tagPixels(page, id, hex)).toBeGreaterThan(200);

  // Same profile directory, new browser: the interest and the highlight are still there.
  await closeFirefox(session);
  sessions = sessions.filter((s) => s !== session);
  session = await launch(profile);
  page = await openAnnotated(session, hf.url, hf.entries);
  expect(await tagPixels(page, id, hex)).toBeGreaterThan(200);
  const popupAfter = await openPopup(session, page);
  await expect.poll(() => interestRows(popupAfter, HF_DAILY.addedKeyword)).toHaveLength(1);
  await expect
    .poll(() => popupAfter.$eval(`li[data-paper-id="${id}"]`, (el) => el.textContent ?? '').catch(() => ''))
    .toContain(HF_DAILY.addedKeyword);
});
