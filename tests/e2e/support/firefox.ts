import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD, firefoxExecutable, requireBuild } from './browsers';
import { allAnnotated, annotationCounts, notAnnotatedError, scoresDrawn } from './annotations';
import { fixtureResponse } from '../../fixtures/manifest';

/**
 * Firefox is driven through puppeteer-core over WebDriver BiDi (Playwright can only drive its own patched
 * Firefox). The extension is installed as a temporary add-on, so it is installed again on every launch; its
 * internal UUID is pinned so that the popup lives at a known moz-extension:// URL and keeps its storage.
 */
export const EXTENSION_UUID = '5b1e6c7a-3f42-4d8e-9a10-2c4b6d8e0f12';

export interface FirefoxSession {
  browser: Browser;
  userDataDir: string;
  /** The gecko id of the installed build (browser_specific_settings.gecko.id). */
  addonId: string;
  /** moz-extension://<uuid> */
  extensionOrigin: string;
  /** More pages served besides the captures: URL → HTML. */
  extraPages: Record<string, string>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** More pages to serve: URL → HTML. */
  extraPages?: Record<string, string>;
}

// Nothing may leave the machine. The tabs' requests are answered or refused by request interception; these
// prefs keep Firefox's own services quiet (on top of puppeteer's and the remote agent's recommended prefs),
// and any request that still slips through goes to a proxy on a closed local port (9, discard) and fails.
const QUIET_PREFS: Record<string, unknown> = {
  'app.update.auto': false,
  'app.update.staging.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.update.enabled': false,
  'browser.startup.firstrunSkipsHomepage': true,
  'extensions.blocklist.enabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-manager.url': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '',
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
};

function addonIdOf(buildDir: string): string {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${buildDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/** A fresh profile directory (kept by the caller to relaunch the same profile, removed with removeProfile). */
export function newFirefoxProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'paperlight-firefox-'));
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

const guarded = new WeakMap<Page, Promise<void>>();

async function answer(request: HTTPRequest, extraPages: Record<string, string>): Promise<void> {
  if (request.interceptResolutionState().action !== 'none') return; // not intercepted, or already answered
  const url = request.url();
  if (/^(moz-extension|about|data|blob):/.test(url)) return request.continue();
  const body = fixtureResponse(url, extraPages);
  if (body === null) return request.abort('blockedbyclient');
  return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
}

/** Serves the captures at their real URLs and refuses every other network request of the tab `page`. */
function guard(page: Page, extraPages: Record<string, string>): Promise<void> {
  let done = guarded.get(page);
  if (!done) {
    // Answering fails once the tab or the browser is closing; the request goes nowhere then either.
    page.on('request', (request) => void answer(request, extraPages).catch(() => undefined));
    done = page.setRequestInterception(true);
    guarded.set(page, done);
  }
  return done;
}

/**
 * Launches Firefox with the built extension installed, in the profile `userDataDir` (created when not given).
 * Every tab it opens is guarded: the captures are served at their real URLs, everything else is refused.
 */
export async function launchFirefox(
  userDataDir = newFirefoxProfileDir(),
  options: LaunchOptions = {},
): Promise<FirefoxSession> {
  const extension = requireBuild(FIREFOX_BUILD);
  const addonId = addonIdOf(extension);
  const extraPages = options.extraPages ?? {};
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxExecutable(),
    headless: options.headless ?? true,
    userDataDir,
    // Release builds ignore `services.settings.server` (and keep polling Mozilla's servers) without this.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    defaultViewport: { width: 1280, height: 900 },
    // Lets WebDriver BiDi open and script the extension's own moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...QUIET_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      // A temporary add-on is uninstalled when Firefox quits; these keep its storage for the next launch.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
    },
  });
  const session = { browser, userDataDir, addonId, extensionOrigin: `moz-extension://${EXTENSION_UUID}`, extraPages };
  try {
    // Tabs opened by pages rather than by the tests. Only browser.pages() here: puppeteer reports every iframe
    // as a target of type "page" too, and target.page() on one makes a second Page that takes over the
    // iframe's requests.
    const guardAllTabs = async () => {
      for (const page of await browser.pages()) await guard(page, extraPages);
    };
    browser.on('targetcreated', () => void guardAllTabs().catch(() => undefined));
    await guardAllTabs();
    const installed = await browser.installExtension(extension);
    if (installed !== addonId) throw new Error(`Installed add-on ${installed}, expected ${addonId}`);
  } catch (error) {
    await closeFirefox(session);
    throw error;
  }
  return session;
}

/** Quits Firefox (killing it if it does not quit within a few seconds). The profile is left in place. */
export async function closeFirefox(session: FirefoxSession): Promise<void> {
  const child = session.browser.process();
  let timer: NodeJS.Timeout | undefined;
  const quit = session.browser.close().then(
    () => true,
    () => false,
  );
  const inTime = await Promise.race([quit, new Promise<false>((r) => (timer = setTimeout(() => r(false), 10_000)))]);
  clearTimeout(timer);
  if (!inTime && child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** A new tab whose requests are guarded before it loads anything. */
export async function newPage(session: FirefoxSession): Promise<Page> {
  const page = await session.browser.newPage();
  await guard(page, session.extraPages);
  return page;
}

/** Opens a captured page and waits until Paperlight has annotated its entries. */
export async function openAnnotated(session: FirefoxSession, url: string, entries: number): Promise<Page> {
  const page = await newPage(session);
  await page.goto(url);
  await waitForEntries(page, entries);
  await page.waitForFunction(scoresDrawn, { timeout: 15_000 });
  return page;
}

/** Waits until `count` entries carry `data-paperlight-entry` and each holds its annotation host. */
export async function waitForEntries(page: Page, count: number, timeout = 15_000): Promise<void> {
  try {
    await page.waitForFunction(allAnnotated, { timeout }, count);
  } catch (error) {
    const found = await page.evaluate(annotationCounts).catch(() => null);
    throw notAnnotatedError(count, page.url(), timeout, found, error);
  }
}

/**
 * Opens the popup in a tab of its own, speaking about `forPage`. Firefox gives no easy way to learn a tab's id,
 * so the popup gets no `?tab=`: it falls back to the most recently used tab that is not one of its own pages,
 * which is `forPage` once it has been brought to the front.
 */
export async function openPopup(
  session: FirefoxSession,
  forPage: Page,
  view?: 'this-page' | 'shortlist' | 'interests' | 'settings',
): Promise<Page> {
  await forPage.bringToFront();
  const popup = await newPage(session);
  // Navigations to moz-extension:// pages may never report completion over BiDi: wait for the page instead.
  popup.goto(`${session.extensionOrigin}/popup.html${view ? `#${view}` : ''}`).catch(() => undefined);
  const ready = () =>
    location.protocol === 'moz-extension:' &&
    document.querySelector('main.app') !== null &&
    !document.body.textContent?.includes('Loading…');
  try {
    await pollPage(popup, ready, 15_000);
  } catch (error) {
    const shown = await popup.evaluate(() => document.body?.textContent?.slice(0, 200)).catch(() => undefined);
    throw new Error(`The popup did not finish loading at ${popup.url()} (showing: ${JSON.stringify(shown)})`, {
      cause: error,
    });
  }
  return popup;
}

/**
 * Evaluates `predicate` in the page every 100 ms until it holds. Unlike `waitForFunction`, an evaluation that fails
 * is retried: while a tab switches from about:blank to a moz-extension:// page, Firefox's BiDi `script.evaluate`
 * can throw an internal error ("right-hand side of 'in' should be an object") that would end the wait at once.
 */
async function pollPage(page: Page, predicate: () => boolean, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  while (Date.now() < deadline) {
    // An evaluation caught mid-navigation may also never answer: give each one at most a second.
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('evaluation did not answer within 1 s')), 1_000);
    });
    try {
      if (await Promise.race([page.evaluate(predicate), stalled])) return;
    } catch (error) {
      lastError = error;
    } finally {
      clearTimeout(timer);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeout} ms`, { cause: lastError });
}

/**
 * A PNG of the element matching `selector` as Firefox paints it, captured in document coordinates without
 * scrolling. (Scrolling the Hugging Face capture makes Firefox lay out its `content-visibility: auto` author
 * avatars, unstyled since the site's stylesheets are not served, at the maximum layout height: the page then
 * grows to ~9 million pixels and nothing lies where it was measured.)
 */
export async function elementScreenshot(page: Page, selector: string): Promise<Uint8Array> {
  await page.bringToFront();
  const element = await page.waitForSelector(selector, { timeout: 15_000 });
  if (!element) throw new Error(`No element ${selector}`);
  const clip = await element.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
  });
  await element.dispose();
  if (clip.width === 0 || clip.height === 0) throw new Error(`${selector} has nothing visible to capture`);
  return page.screenshot({ clip, captureBeyondViewport: true });
}
