import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { fixturePage } from '../../fixtures/manifest';
import { HOSTILE_TITLES, HOSTILE_URL, hostilePage } from '../../fixtures/written/hostile-page';
import {
  closeFirefox,
  elementScreenshot,
  launchFirefox,
  newFirefoxProfileDir,
  openAnnotated,
  openPopup,
  removeProfile,
  type FirefoxSession,
  type LaunchOptions,
} from '../support/firefox';
import { countColorPixels, countTagPixels } from '../support/pixels';

// The on-page checks of tests/e2e/chromium/annotations.spec.ts, in Firefox. Firefox has no DevTools Protocol
// to read inside closed shadow roots, so these tests look at pixels and click where the user would.

const ARXIV_NEW = 'arxiv/new-cs.AI-2026-02-24.html';
const AGENTS = '#7c3aed';
const REASONING = '#0891b2';
const annotationOf = (id: string) => `[data-paperlight-entry="${id}"] paperlight-annotation`;

let sessions: FirefoxSession[] = [];
let profiles: string[] = [];
async function launch(options: LaunchOptions = {}): Promise<FirefoxSession> {
  const profile = newFirefoxProfileDir();
  profiles.push(profile);
  const session = await launchFirefox(profile, options);
  sessions.push(session);
  return session;
}
test.afterEach(async () => {
  await Promise.all(sessions.map((s) => closeFirefox(s)));
  sessions = [];
  for (const dir of profiles) removeProfile(dir);
  profiles = [];
});

async function shot(page: Page, id: string) {
  return elementScreenshot(page, annotationOf(id));
}

/** Clicks the ☆ at the start of an entry's annotation row, where a user clicks it. */
async function clickStar(page: Page, id: string): Promise<void> {
  const box = await page.$eval(annotationOf(id), (el) => {
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + 17, y: r.top + 13 };
  });
  await page.mouse.click(box.x, box.y);
}

function order(page: Page): Promise<string> {
  return page.$eval('dl#articles', (dl) => Array.from(dl.children, (c) => c.outerHTML).join('\n'));
}

test('arXiv /new: matches drawn in their tags’ colours, other entries not; nothing of the user in the DOM', async () => {
  const session = await launch();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session, listing.url, listing.entries);
  // Agentic metrics for deep research: both starter tags' chips are drawn.
  const dream = await shot(page, '2602.18940');
  expect(countColorPixels(dream, AGENTS)).toBeGreaterThan(150);
  expect(countColorPixels(dream, REASONING)).toBeGreaterThan(150);
  // An entry no starter interest matches has its ☆ and nothing in a tag colour.
  const ids = await page.$$eval('[data-paperlight-entry]', (els) =>
    els.map((e) => e.getAttribute('data-paperlight-entry')!),
  );
  const plain = [];
  for (const id of ids) if (countTagPixels(await shot(page, id)) === 0) plain.push(id);
  expect(plain.length).toBeGreaterThan(0);
  expect(plain).not.toContain('2602.18940');

  const leak = await page.evaluate(() => {
    const hosts = Array.from(document.querySelectorAll('paperlight-annotation'));
    return {
      // (Tag names can be in the page's own text — "LLM agents" is in abstracts — so look for our colours.)
      html: /7c3aed|0891b2|rgb\(124, 58, 237\)/i.test(
        Array.from(document.querySelectorAll('[data-paperlight-entry]'), (e) => e.outerHTML).join(''),
      ),
      hostAttributes: hosts.reduce((n, h) => n + h.attributes.length, 0),
      styled: document.querySelectorAll('[data-paperlight-entry][style]').length,
      shadowReadable: hosts.some((h) => h.shadowRoot !== null),
      heights: new Set(hosts.map((h) => Math.round(h.getBoundingClientRect().height))).size,
    };
  });
  expect(leak).toEqual({ html: false, hostAttributes: 0, styled: 0, shadowReadable: false, heights: 1 });
});

test('☆ saves the paper and the popup’s shortlist shows it', async () => {
  const session = await launch();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session, listing.url, listing.entries);
  await clickStar(page, '2602.18940');
  const popup = await openPopup(session, page, 'shortlist');
  await expect
    .poll(() => popup.$$eval('ol[aria-label="Your shortlist"] > li', (els) => els.map((e) => e.textContent ?? '')))
    .toEqual([expect.stringContaining('DREAM: Deep Research Evaluation with Agentic Metrics')]);
});

test('the view key puts matches first and restores the exact original order', async () => {
  const session = await launch();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session, listing.url, listing.entries);
  const original = await order(page);
  await page.keyboard.press('v');
  await expect.poll(() => order(page)).not.toBe(original);
  await page.keyboard.press('v');
  const hidden = () =>
    page.$$eval('dd[data-paperlight-entry]', (els) => els.filter((e) => getComputedStyle(e).display === 'none').length);
  await expect.poll(hidden).toBeGreaterThan(0);
  await page.keyboard.press('v');
  await expect.poll(() => order(page)).toBe(original);
  expect(await hidden()).toBe(0);
});

test('an interest added in the popup recolours the open page without a reload', async () => {
  const session = await launch();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session, listing.url, listing.entries);
  const ids = await page.$$eval('[data-paperlight-entry]', (els) =>
    els.map((e) => e.getAttribute('data-paperlight-entry')!),
  );
  let target = '';
  for (const id of ids) if (countTagPixels(await shot(page, id)) === 0) target ||= id;
  expect(target).not.toBe('');
  const title = await page.$eval(`[data-paperlight-entry="${target}"] .list-title`, (el) =>
    (el.textContent ?? '').replace('Title:', '').trim(),
  );
  const word = title
    .split(/\W+/)
    .filter((w) => w.length > 6)[0]!
    .toLowerCase();
  const popup = await openPopup(session, page);
  await popup.evaluate(
    (w) =>
      (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).browser.runtime.sendMessage({
        paperlight: 1,
        type: 'addInterest',
        data: { name: 'Added', query: w, color: '#16a34a' },
      }),
    word,
  );
  await page.bringToFront();
  await expect.poll(async () => countColorPixels(await shot(page, target), '#16a34a')).toBeGreaterThan(150);
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
});

test('hostile page text stays inert', async () => {
  const session = await launch({ extraPages: { [HOSTILE_URL]: hostilePage() } });
  const page = await openAnnotated(session, HOSTILE_URL, HOSTILE_TITLES.length);
  for (const i of [1, 2, 3, 4])
    expect(countColorPixels(await shot(page, `2611.0000${i}`), AGENTS)).toBeGreaterThan(100);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => document.images.length)).toBe(0);
  const popup = await openPopup(session, page);
  const rows = await popup.$$eval('ol[aria-label="Papers on this page"] > li', (els) =>
    els.map((e) => e.textContent ?? ''),
  );
  expect(rows.some((r) => r.includes('<img src=x onerror="window.__pwned=1">'))).toBe(true);
  expect(await popup.$$eval('img', (els) => els.length)).toBe(0);
});

test('matched terms are marked through the CSS Custom Highlight API, which the page can enumerate', async () => {
  const session = await launch();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session, listing.url, listing.entries);
  const before = await page.$eval('dd[data-paperlight-entry="2602.18940"] .list-title', (el) => el.innerHTML);
  expect(before).not.toContain('<mark');
  // Reported in the README: the page's own scripts see the registry, with neutral names and the marked words.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const names = [...reg.keys()];
        const words = names.flatMap((n) => [...reg.get(n)!].map((r) => r.toString().toLowerCase()));
        return {
          neutral: names.length > 0 && names.every((n) => /^paperlight-\d+$/.test(n)),
          agentic: words.includes('agentic'),
        };
      }),
    )
    .toEqual({ neutral: true, agentic: true });
});
