/**
 * `npm start`: Chromium with the built extension on every captured sample page (tests/fixtures/pages), served
 * at its real URL with nothing reaching the internet.
 *
 * - With a display (DISPLAY or WAYLAND_DISPLAY) the browser opens headed and stays open until the user closes it.
 * - Without one, or with `--headless` / PAPERLIGHT_HEADLESS=1, it runs headless, prints what Paperlight found on
 *   each page and writes screenshots of the annotated pages and of the popup into tests/demo/screenshots/.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { TabResults } from '../../lib/messaging/protocol';
import { CHROME_BUILD, ROOT, chromiumExecutable, requireBuild } from '../e2e/support/browsers';
import { launchChromium, newProfileDir, tabIdOf, waitForEntries, type ChromiumSession } from '../e2e/support/chromium';
import { fixturePages, type FixturePage } from '../fixtures/manifest';
import {
  DARK_SHOTS,
  SCREENSHOTS_DIR,
  clearScreenshots,
  screenshotName,
  screenshotPage,
  screenshotPageDark,
  screenshotPopup,
} from './screenshots';

/** How long a supported page may take to report its entries to the background. */
const REPORT_TIMEOUT_MS = 10_000;
const TOP = 5;

interface PageRun {
  fixture: FixturePage;
  page: Page;
  tabId: number;
  /** What the background knows of the tab; null when the content script never reported (page not supported). */
  results: TabResults | null;
  matchedIds: string[];
}

function wantsHeadless(): boolean {
  const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return !hasDisplay || process.argv.includes('--headless') || process.env.PAPERLIGHT_HEADLESS === '1';
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function shortUrl(url: string, max = 72): string {
  const u = new URL(url);
  return shorten(`${u.host}${u.pathname}${u.search}`, max);
}

/** The content-script match patterns of the built extension: what it will actually run on. */
function builtContentScriptPatterns(): MatchPattern[] {
  const manifest = JSON.parse(readFileSync(join(requireBuild(CHROME_BUILD), 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches?: string[] }[];
  };
  return (manifest.content_scripts ?? []).flatMap((cs) => cs.matches ?? []).map((m) => new MatchPattern(m));
}

/** Asks the background, from an extension page, what a tab reported (the popup's own message). */
async function tabResults(extensionPage: Page, tabId: number): Promise<TabResults | null> {
  // `chrome` as the extension page sees it (the project's types describe WXT's `browser`, not this global).
  const reply = (await extensionPage.evaluate((id) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    return chrome.runtime.sendMessage({ paperlight: 1, type: 'getTabResults', data: { tabId: id } });
  }, tabId)) as { ok: true; data: TabResults | null } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error('The background did not answer getTabResults');
  if (!reply.ok) throw new Error(`The background answered: ${reply.error}`);
  return reply.data;
}

/** Saves a page's three best matches, as ☆ would, so the shortlist views have something to show. */
async function shortlistFirstMatches(session: ChromiumSession, run: PageRun): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const results = run.results;
  const best = [...(results?.results ?? [])].sort((a, b) => b.score - a.score).slice(0, 3);
  for (const r of best) {
    const paper = results?.entries.find((e) => e.id === r.id);
    if (!paper) continue;
    await page.evaluate(
      (data) => {
        const { chrome } = globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        };
        return chrome.runtime.sendMessage({ paperlight: 1, type: 'setShortlisted', data });
      },
      { paper, saved: true, interestTags: r.tags.map((t) => t.name), score: r.score },
    );
  }
  await page.close();
}

async function waitForReport(extensionPage: Page, tabId: number, timeoutMs: number): Promise<TabResults | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const results = await tabResults(extensionPage, tabId);
    if (results || Date.now() > deadline) return results;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens one capture, waits until Paperlight annotated it (or clearly will not) and collects its results. */
async function runPage(
  session: ChromiumSession,
  probe: Page,
  fixture: FixturePage,
  patterns: MatchPattern[],
): Promise<PageRun> {
  const page = await session.context.newPage();
  await page.goto(fixture.url, { waitUntil: 'load' });
  const tabId = await tabIdOf(session, page);
  const supported = patterns.some((p) => p.includes(fixture.url));
  // An adapter may still decline a matched URL: then nothing is reported and the page counts as unsupported.
  const results = supported ? await waitForReport(probe, tabId, REPORT_TIMEOUT_MS) : null;
  if (results) await waitForEntries(page, results.entries.length);
  const matched = new Set(results?.results.filter((r) => r.score > 0).map((r) => r.id));
  const matchedIds = (results?.entries ?? []).map((e) => e.id).filter((id) => matched.has(id));
  return { fixture, page, tabId, results, matchedIds };
}

function printRun(run: PageRun): void {
  const { fixture, results } = run;
  console.log(`\n${shortUrl(fixture.url)}`);
  console.log(`  site:     ${fixture.site} — ${fixture.pageType}`);
  if (!results) {
    console.log(`  entries:  0 entries (page type not supported yet; the capture holds ${fixture.entries})`);
    return;
  }
  const detected = results.entries.length;
  const expected = detected === fixture.entries ? '' : ` (the manifest lists ${fixture.entries})`;
  console.log(`  adapter:  ${results.adapterId}`);
  console.log(`  entries:  ${detected} detected${expected}, ${run.matchedIds.length} match your interests`);
  const titles = new Map(results.entries.map((e) => [e.id, e.title]));
  const top = results.results
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, TOP);
  if (top.length === 0) return;
  console.log(`  top ${top.length}:`);
  for (const r of top) {
    const tags = r.tags.map((t) => t.name).join(', ');
    console.log(
      `    ${String(r.score).padStart(3)}  ${shorten(tags, 34).padEnd(34)}  ${shorten(titles.get(r.id) ?? r.id, 60)}`,
    );
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const headless = wantsHeadless();
  const patterns = builtContentScriptPatterns();
  const executable = await chromiumExecutable();
  const profile = newProfileDir();
  console.log(
    `Paperlight demo: ${relative(ROOT, CHROME_BUILD)} in ${executable} (${headless ? 'headless' : 'headed'})`,
  );

  let session: ChromiumSession;
  try {
    session = await launchChromium(profile, { headless });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    if (headless) throw error;
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `Chromium could not open a window on this display (${detail}).\n` +
        'Run it without a window instead: `npm start -- --headless` (or PAPERLIGHT_HEADLESS=1 npm start).',
    );
  }
  session.context.setDefaultTimeout(15_000);
  try {
    const blank = session.context.pages()[0];
    const probe = await session.context.newPage();
    await probe.goto(`chrome-extension://${session.extensionId}/popup.html`);

    const runs: PageRun[] = [];
    for (const fixture of fixturePages()) {
      const run = await runPage(session, probe, fixture, patterns);
      runs.push(run);
      printRun(run);
    }
    await probe.close();
    await blank?.close();

    const withEntries = runs.filter((r) => (r.results?.entries.length ?? 0) > 0);
    if (withEntries.length === 0) throw new Error('Paperlight detected no entries on any sample page');
    // The popup is shown for the page with the most matches (a Hugging Face daily page with the starter interests).
    const popupFor = [...withEntries].sort((a, b) => b.matchedIds.length - a.matchedIds.length)[0]!;

    if (headless) {
      clearScreenshots();
      console.log('\nScreenshots:');
      for (const run of withEntries) {
        const file = join(SCREENSHOTS_DIR, screenshotName(run.fixture));
        await screenshotPage(run.page, run.matchedIds, file);
        console.log(`  ${relative(ROOT, file)}  (${shortUrl(run.fixture.url, 40)})`);
        if (DARK_SHOTS.includes(screenshotName(run.fixture))) {
          const dark = file.replace(/\.png$/, '-dark.png');
          await screenshotPageDark(run.page, run.matchedIds, dark);
          console.log(`  ${relative(ROOT, dark)}  (same, dark site theme)`);
        }
      }
      await shortlistFirstMatches(session, popupFor);
      for (const file of await screenshotPopup(session, popupFor.tabId, SCREENSHOTS_DIR)) {
        console.log(`  ${relative(ROOT, file)}  (popup for ${shortUrl(popupFor.fixture.url, 40)})`);
      }
      console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Screenshots in ${SCREENSHOTS_DIR}`);
      await session.context.close();
      return;
    }

    // Headed: leave the pages open, scrolled to their first match, with the popup in a tab of its own.
    for (const run of withEntries) await scrollToFirstMatch(run);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${popupFor.tabId}`);
    await popupFor.page.bringToFront();
    console.log(
      [
        '',
        `Chromium is open with Paperlight and the ${runs.length} sample pages (served from tests/fixtures/pages;`,
        'every other request is blocked, so the pages show without their stylesheets and images).',
        '  - Every paper gets a ☆ to shortlist it; matches also get a coloured strip with tags, score and "Why?".',
        '  - The floating control (bottom right) reorders: original / matches first / matches only.',
        '  - Keys: j/k next/previous match, s shortlist it, v change the order, ? help.',
        "  - The popup's tab shows this page's matches and your interests; add a keyword there, then reload a page.",
        '    (The toolbar button opens the same popup for the active tab.)',
        'Close the browser window (or press Ctrl+C here) when you are done.',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      session.context.on('close', () => resolve());
      process.once('SIGINT', () => void session.context.close().then(resolve, resolve));
    });
  } catch (error) {
    await session.context.close().catch(() => undefined);
    throw error;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function scrollToFirstMatch(run: PageRun): Promise<void> {
  const id = run.matchedIds[0];
  if (id) await run.page.locator(`[data-paperlight-entry="${id}"]`).evaluate((el) => el.scrollIntoView());
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
