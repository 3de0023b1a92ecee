// `npx tsx bench/popup-shortlist.ts [--runs N]`: the shortlist view with 10,000 saved papers, in real Chromium with
// the built extension and its real IndexedDB. Two numbers, each next to a baseline from the same run:
// - the time from opening popup.html#shortlist (navigation start) to the first paint of the list's rows, against
//   the same popup with an empty shortlist painting "Nothing saved yet": with the background awake (the popup
//   opened again soon; budget under 200 ms absolute), and with its service worker stopped first (the popup opened
//   after the browser put the background to sleep; budget twice the empty popup's, whose worker start alone can
//   take it past 200 ms);
// - each keystroke in the search box, from keydown to the next paint and to the paint of its results, against
//   the same typing with 10 saved papers.
// Paint times: a frame after the rows' titles (or the empty notice) are in the DOM, after that frame's paint.
import type { Page } from '@playwright/test';
import { toBackupJson } from '../lib/export/backup';
import { SettingsSchema } from '../lib/schema/settings';
import { launchChromium, sendFromExtensionPage, type ChromiumSession } from '../tests/e2e/support/chromium';
import { report, type Row } from './measure';
import { benchRecords } from './records';

const COUNT = 10_000;
/** The first-paint budget, absolute. */
const FIRST_PAINT_MS = 200;
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
if (!(Number.isInteger(RUNS) && RUNS > 0)) throw new Error('--runs takes a positive integer');
const WORD = 'retrieval agent';

const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => Math.max(...xs);

function backup(count: number): string {
  return toBackupJson({
    shortlist: benchRecords(count),
    feedback: [],
    interests: [],
    settings: SettingsSchema.parse({}),
  });
}

/** Makes the shortlist exactly `count` bench papers (an import that replaces, as a user's restore would). */
async function seed(session: ChromiumSession, count: number): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await sendFromExtensionPage(page, 'importFile', {
    text: backup(count),
    fileName: 'bench.json',
    mode: 'replace',
    dryRun: false,
  });
  // The ranker retrains on the new shortlist in slices: wait until the background answers at once again.
  for (let quiet = 0; quiet < 5;) {
    const t = Date.now();
    await sendFromExtensionPage(page, 'getSettings', {});
    quiet = Date.now() - t < 10 ? quiet + 1 : 0;
    await page.waitForTimeout(200);
  }
  await page.close();
}

/** Stops the extension's service worker (as the browser does after 30 s idle); the next message starts it. */
async function stopBackground(session: ChromiumSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * Before the page's own scripts run: watch for elements marked `elementtiming` and note when each was first painted
 * (a frame after it was added, then a task after that frame's paint). Chromium does not report Element Timing for
 * extension pages, so the bench does what it would.
 */
function watchPaints(): void {
  const painted: Record<string, number> = {};
  (window as unknown as { painted: Record<string, number> }).painted = painted;
  const seen = new Set<string>();
  new MutationObserver(() => {
    for (const element of Array.from(document.querySelectorAll('[elementtiming]'))) {
      const id = element.getAttribute('elementtiming')!;
      if (seen.has(id)) continue;
      seen.add(id);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (painted[id] = performance.now());
        channel.port2.postMessage(0);
      });
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Opens popup.html#shortlist in a fresh tab; answers when `identifier` was first painted, in ms after navigation. */
async function firstPaint(session: ChromiumSession, identifier: string, cold: boolean): Promise<number> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  if (cold) await stopBackground(session, page);
  await page.addInitScript(watchPaints);
  await page.goto(`chrome-extension://${session.extensionId}/popup.html#shortlist`);
  const handle = await page.waitForFunction(
    (id) => (window as unknown as { painted: Record<string, number> }).painted[id],
    identifier,
    { timeout: 10_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  // Closed only once the whole list is in: the next popup then finds the background idle, as a user's would.
  if (identifier === 'shortlist-row') await page.getByText(/^Showing /).waitFor();
  await page.close();
  return ms;
}

/** Types WORD into the search box one key at a time; per key: ms from keydown to the next paint, and to results. */
async function keystrokes(session: ChromiumSession): Promise<{ paint: number[]; results: number[] }> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html#shortlist`);
  const search = page.getByRole('searchbox', { name: 'Search the shortlist' });
  // The whole list is in (not only the first screen) once the count line says "Showing".
  await page.getByText(/^Showing /).waitFor();
  // Each keydown notes its time; a frame later, a task after that frame's paint notes the next paint.
  await page.evaluate(() => {
    const w = window as unknown as { keys: { down: number; paint?: number }[] };
    w.keys = [];
    addEventListener(
      'keydown',
      (event) => {
        const key: { down: number; paint?: number } = { down: event.timeStamp };
        w.keys.push(key);
        requestAnimationFrame(() => setTimeout(() => (key.paint = performance.now()), 0));
      },
      true,
    );
  });
  const paint: number[] = [];
  const results: number[] = [];
  for (let run = 0; run < 3; run++) {
    await search.fill('');
    await page.getByText(/^Showing /).waitFor();
    await page.evaluate(() => ((window as unknown as { keys: unknown[] }).keys.length = 0));
    for (const char of WORD) {
      await search.press(char === ' ' ? 'Space' : char);
      // The results are painted when the list is no longer busy (waiting for the background's answer), a frame on.
      const done = await page.evaluate(() =>
        new Promise<void>((ready) => {
          const list = document.querySelector('[aria-label="Your shortlist"]')!;
          if (list.getAttribute('aria-busy') !== 'true') return ready();
          const observer = new MutationObserver(() => {
            if (list.getAttribute('aria-busy') === 'true') return;
            observer.disconnect();
            ready();
          });
          observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
        }).then(
          () =>
            new Promise<number>((resolve) =>
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
            ),
        ),
      );
      const key = await page.evaluate(() => {
        const keys = (window as unknown as { keys: { down: number; paint?: number }[] }).keys;
        return keys[keys.length - 1]!;
      });
      results.push(done - key.down);
      if (key.paint !== undefined) paint.push(key.paint - key.down);
    }
    if (!(await page.locator('[aria-label="Your shortlist"] li').first().isVisible())) {
      throw new Error(`"${WORD}" found nothing: the bench would measure an empty list`);
    }
  }
  await page.close();
  return { paint, results };
}

const session = await launchChromium();
const rows: Row[] = [];
let over = false;
try {
  // Baselines first: an empty shortlist, then 10 papers for typing.
  const empty: number[] = [];
  const emptyCold: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    empty.push(await firstPaint(session, 'shortlist-empty', false));
    emptyCold.push(await firstPaint(session, 'shortlist-empty', true));
  }
  await seed(session, 10);
  const small = await keystrokes(session);

  await seed(session, COUNT);
  const full: number[] = [];
  const fullCold: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    full.push(await firstPaint(session, 'shortlist-row', false));
    fullCold.push(await firstPaint(session, 'shortlist-row', true));
  }
  const big = await keystrokes(session);

  const n = COUNT.toLocaleString('en');
  rows.push({
    bench: `popup #shortlist, navigation to first row painted, ${n} papers, background awake (budget ${FIRST_PAINT_MS} ms)`,
    baseline: 'empty shortlist, "Nothing saved yet" painted',
    baselineMs: mid(empty),
    subject: `rows painted (max ${max(full).toFixed(0)})`,
    subjectMs: mid(full),
    // The budget is absolute; as a ratio to this run's baseline it is this.
    budget: Number((FIRST_PAINT_MS / mid(empty)).toFixed(2)),
  });
  if (mid(full) > FIRST_PAINT_MS) over = true;
  // Starting the service worker alone takes the empty popup past 200 ms on a slow machine: this one is held to
  // its baseline instead (the rows may add what reading the first records and laying them out costs).
  rows.push({
    bench: `popup #shortlist, navigation to first row painted, ${n} papers, background asleep (worker stopped first)`,
    baseline: 'empty shortlist, worker stopped first',
    baselineMs: mid(emptyCold),
    subject: `rows painted (max ${max(fullCold).toFixed(0)})`,
    subjectMs: mid(fullCold),
    budget: 2,
  });
  for (const [what, key] of [
    ['to the next paint', 'paint'],
    ['to its results painted', 'results'],
  ] as const) {
    rows.push({
      bench: `search keystroke, keydown ${what}, ${n} papers (median; max ${max(big[key]).toFixed(0)} ms vs ${max(small[key]).toFixed(0)} ms)`,
      baseline: '10 papers',
      baselineMs: mid(small[key]),
      subject: `${n} papers`,
      subjectMs: mid(big[key]),
      budget: 4,
    });
  }
} finally {
  await session.context.close();
}
report(rows);
if (over) {
  console.error(`over budget: the first rows took more than ${FIRST_PAINT_MS} ms`);
  process.exitCode = 1;
}
