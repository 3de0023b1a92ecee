import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { ChromiumSession } from '../e2e/support/chromium';
import type { FixturePage } from '../fixtures/manifest';

export const SCREENSHOTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** The size Chromium gives a popup at most; ours is narrower (see components/popup.css). */
const POPUP_VIEWPORT = { width: 420, height: 600 };

/** Stable names, so a rerun replaces the same files: hf-daily.png, arxiv-list.png, arxiv-search.png. */
const NAMES: [prefix: string, name: string][] = [
  ['huggingface/papers-daily', 'hf-daily'],
  ['arxiv/list-', 'arxiv-list'],
  ['arxiv/new-cs.AI', 'arxiv-new'],
  ['arxiv/search-', 'arxiv-search'],
];

export function screenshotName(fixture: FixturePage): string {
  const known = NAMES.find(([prefix]) => fixture.file.startsWith(prefix));
  const name =
    known?.[1] ??
    basename(fixture.file)
      .replace(/\.html?$/, '')
      .replace(/[^\w.-]+/g, '-');
  return `${name}.png`;
}

/** Removes the previous run's images, so the folder shows only what this run found. */
export function clearScreenshots(): void {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  for (const file of readdirSync(SCREENSHOTS_DIR)) {
    if (file.endsWith('.png')) rmSync(join(SCREENSHOTS_DIR, file));
  }
}

/**
 * A viewport-sized shot of an annotated page, scrolled to show as many highlighted entries as fit: the window
 * starts just above one matching entry's strip, the one with the most other strips below it in the viewport.
 */
export async function screenshotPage(page: Page, matchedIds: readonly string[], file: string): Promise<void> {
  await page.bringToFront();
  await page.evaluate((ids) => {
    const margin = 40;
    const tops = ids
      .map((id) => document.querySelector(`[data-paperlight-entry="${CSS.escape(id)}"] paperlight-annotation`))
      .filter((host): host is Element => host !== null)
      .map((host) => host.getBoundingClientRect().top + window.scrollY)
      .sort((a, b) => a - b);
    let best = { start: 0, shown: 0 };
    for (const top of tops) {
      const start = Math.max(0, top - margin);
      const shown = tops.filter((t) => t >= start && t + margin <= start + window.innerHeight).length;
      if (shown > best.shown) best = { start, shown };
    }
    window.scrollTo(0, best.start);
  }, matchedIds);
  await page.screenshot({ path: file });
}

/** The pages whose dark-theme shot the README shows. */
export const DARK_SHOTS = ['hf-daily.png', 'arxiv-new.png'];

/**
 * The same shot on a dark site theme. The captures are served without their stylesheets, so a dark page style
 * is applied for the shot (and the system's colour scheme set to dark): annotations inherit the site's text
 * colour and tint with transparency, which this shows.
 */
export async function screenshotPageDark(page: Page, matchedIds: readonly string[], file: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' });
  const style = await page.addStyleTag({
    content:
      'html, body { background: #0f1115 !important; color: #e5e7eb !important; } a { color: #93c5fd !important; }',
  });
  await screenshotPage(page, matchedIds, file);
  await style.evaluate((el) => (el as Element).remove());
  await page.emulateMedia({ colorScheme: null });
}

/** The popup's views, and the file each one's shot goes to. */
export const POPUP_VIEWS = [
  ['This page', 'popup.png'],
  ['Shortlist', 'popup-shortlist.png'],
  ['Interests', 'popup-interests.png'],
  ['Settings', 'popup-settings.png'],
] as const;

/**
 * The popup as a user sees it for a tab (popup-sized, in a tab of its own with `?tab=`): each view in the light
 * theme, This page and the shortlist in the dark one too, and the full view's shortlist. Returns the files.
 */
export async function screenshotPopup(session: ChromiumSession, tabId: number, dir: string): Promise<string[]> {
  const files: string[] = [];
  const popup = await session.context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('match-summary').waitFor();
  const shoot = async (file: string) => {
    await popup.getByText('Loading…').waitFor({ state: 'detached' });
    const main = await popup.locator('main').boundingBox();
    const width = Math.min(POPUP_VIEWPORT.width, Math.ceil((main?.x ?? 0) + (main?.width ?? POPUP_VIEWPORT.width)));
    await popup.screenshot({ path: join(dir, file), clip: { x: 0, y: 0, ...POPUP_VIEWPORT, width } });
    files.push(join(dir, file));
  };
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    for (const [view, file] of POPUP_VIEWS) {
      if (scheme === 'dark' && view !== 'This page' && view !== 'Shortlist') continue;
      await popup.getByRole('tab', { name: view }).click();
      await popup.getByRole('tabpanel', { name: view }).waitFor();
      await shoot(scheme === 'dark' ? file.replace(/\.png$/, '-dark.png') : file);
    }
  }
  await popup.close();
  const options = await session.context.newPage();
  await options.setViewportSize({ width: 1100, height: 700 });
  await options.goto(`chrome-extension://${session.extensionId}/options.html#shortlist`);
  await options.getByRole('tabpanel', { name: 'Shortlist' }).waitFor();
  await options.getByText('Loading…').waitFor({ state: 'detached' });
  await options.screenshot({ path: join(dir, 'options-shortlist.png') });
  files.push(join(dir, 'options-shortlist.png'));
  await options.close();
  return files;
}
