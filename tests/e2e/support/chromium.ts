import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROME_BUILD, chromiumExecutable, requireBuild } from './browsers';
import { allAnnotated, annotationCounts, notAnnotatedError, scoresDrawn } from './annotations';
import { fixtureResponse } from '../../fixtures/manifest';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
}

/** A fresh profile directory (kept by the caller to relaunch the same profile). */
export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'paperlight-chromium-'));
}

/**
 * Launches Chromium with the built extension in a persistent profile and serves the captured pages at their
 * real URLs; every other request is refused, so nothing reaches the internet.
 */
export async function launchChromium(
  userDataDir = newProfileDir(),
  options: { headless?: boolean; extraPages?: Record<string, string> } = {},
): Promise<ChromiumSession> {
  const extension = requireBuild(CHROME_BUILD);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: await chromiumExecutable(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.route('**/*', async (route) => {
    if (!route.request().url().startsWith('http')) return route.continue(); // the extension's own pages
    const body = fixtureResponse(route.request().url(), options.extraPages);
    if (body === null) return route.abort('blockedbyclient');
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, userDataDir };
}

/** Opens a captured page and waits until Paperlight has annotated its entries. */
export async function openAnnotated(context: BrowserContext, url: string, entries: number): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForEntries(page, entries);
  await page.waitForFunction(scoresDrawn, null, { timeout: 15_000 });
  return page;
}

/** Waits until `count` entries carry `data-paperlight-entry` and each has its annotation host. */
export async function waitForEntries(page: Page, count: number, timeout = 15_000): Promise<void> {
  try {
    await page.waitForFunction(allAnnotated, count, { timeout });
  } catch (error) {
    const found = await page.evaluate(annotationCounts).catch(() => null);
    throw notAnnotatedError(count, page.url(), timeout, found, error);
  }
}

/** The popup's views, as its tabs name them in the URL (`#shortlist`). */
export type PopupView = 'this-page' | 'shortlist' | 'interests' | 'settings';

/** Opens the popup in a tab of its own, speaking about `forPage`, on one of its views (This page by default). */
export async function openPopup(session: ChromiumSession, forPage: Page, view?: PopupView): Promise<Page> {
  const tabId = await tabIdOf(session, forPage);
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}${view ? `#${view}` : ''}`);
  return popup;
}

/** The browser's tab id of a page, asked from the extension's service worker. */
export async function tabIdOf(session: ChromiumSession, page: Page): Promise<number> {
  const worker = session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));
  const url = page.url();
  const id = await worker.evaluate(async (u) => {
    type Tabs = { query(q: object): Promise<{ id?: number; url?: string }[]> };
    const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab shows ${url}`);
  return id;
}

/** Sends one protocol message from an extension page (the popup), as the popup's own code does. */
export async function sendFromExtensionPage<T>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ([t, d]) => {
      type Runtime = { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> };
      return (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime.sendMessage({
        paperlight: 1,
        type: t,
        data: d,
      });
    },
    [type, data] as const,
  );
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.data as T;
}
