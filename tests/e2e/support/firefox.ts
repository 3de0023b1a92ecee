import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD, firefoxExecutable, requireBuild } from './browsers';
import { fixtureResponse } from './fixture-pages';

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
}

interface LaunchOptions {
  headless?: boolean;
  /** More pages to serve: URL → HTML. */
  extraPages?: Record<string, string>;
}

// Nothing may leave the machine. Pages' requests are answered or refused by request interception; these
// prefs keep Firefox's own services quiet (on top of puppeteer's and the remote agent's recommended prefs),
// and every proxied request Firefox still makes goes to a closed local port.
const QUIET_PREFS: Record<string, unknown> = {
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.update.staging.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.ping-centre.telemetry': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.update.enabled': false,
  'browser.search.geoip.url': '',
  'browser.startup.firstrunSkipsHomepage': true,
  'browser.tabs.firefox-view': false,
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

/** Serves the captures at their real URLs and refuses every other network request of `page`. */
function guard(page: Page, extraPages: Record<string, string> = {}): Promise<void> {
  let done = guarded.get(page);
  if (!done) {
    const onRequest = (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (/^(moz-extension|about|data|blob):/.test(url)) return void request.continue();
      const body = fixtureResponse(url, extraPages);
      if (body === null) return void request.abort('blockedbyclient');
      return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
    };
    page.on('request', (request) => {
      // A request may outlive its page (closed tab, browser shutting down): nothing to answer then.
      Promise.resolve()
        .then(() => onRequest(request))
        .catch(() => undefined);
    });
    done = page.setRequestInterception(true);
    guarded.set(page, done);
  }
  return done;
}

/**
 * Launches Firefox with the built extension installed, in the profile `userDataDir` (created when not given).
 * Every page it opens is guarded: the captures are served at their real URLs, everything else is refused.
 */
export async function launchFirefox(
  userDataDir = newFirefoxProfileDir(),
  options: LaunchOptions = {},
): Promise<FirefoxSession> {
  const extension = requireBuild(FIREFOX_BUILD);
  const addonId = addonIdOf(extension);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxExecutable(),
    headless: options.headless ?? true,
    userDataDir,
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
  try {
    browser.on('targetcreated', (target) => {
      target
        .page()
        .then((page) => page && guard(page, options.extraPages))
        .catch(() => undefined);
    });
    for (const page of await browser.pages()) await guard(page, options.extraPages);
    const installed = await browser.installExtension(extension);
    if (installed !== addonId) throw new Error(`Installed add-on ${installed}, expected ${addonId}`);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
  return { browser, userDataDir, addonId, extensionOrigin: `moz-extension://${EXTENSION_UUID}` };
}

/** Quits Firefox (killing it if it does not quit within a few seconds). The profile is left in place. */
export async function closeFirefox(session: FirefoxSession): Promise<void> {
  const process = session.browser.process();
  const quit = session.browser.close().then(
    () => true,
    () => false,
  );
  const inTime = await Promise.race([quit, new Promise<false>((r) => setTimeout(() => r(false), 10_000))]);
  if (!inTime && process && process.exitCode === null) process.kill('SIGKILL');
}

/** A new tab whose requests are guarded before it loads anything. */
export async function newPage(session: FirefoxSession): Promise<Page> {
  const page = await session.browser.newPage();
  await guard(page);
  return page;
}

/** Opens a captured page and waits until Paperlight has annotated its entries. */
export async function openAnnotated(session: FirefoxSession, url: string, entries: number): Promise<Page> {
  const page = await newPage(session);
  await page.goto(url);
  await waitForEntries(page, entries);
  return page;
}

/** Waits until `count` entries carry `data-paperlight-entry` and each has its annotation host. */
export async function waitForEntries(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n: number) =>
      document.querySelectorAll('[data-paperlight-entry]').length === n &&
      document.querySelectorAll('[data-paperlight-entry] > paperlight-annotation').length === n,
    { timeout: 15_000 },
    count,
  );
}

/**
 * Opens the popup in a tab of its own, speaking about `forPage`. Firefox gives no easy way to learn a tab's id,
 * so the popup gets no `?tab=`: it falls back to the most recently used tab that is not one of its own pages,
 * which is `forPage` once it has been brought to the front.
 */
export async function openPopup(session: FirefoxSession, forPage: Page): Promise<Page> {
  await forPage.bringToFront();
  const popup = await newPage(session);
  // Navigations to moz-extension:// pages may never report completion over BiDi: wait for the page instead.
  popup.goto(`${session.extensionOrigin}/popup.html`).catch(() => undefined);
  await popup.waitForFunction(
    () =>
      location.protocol === 'moz-extension:' &&
      document.querySelector('main.popup') !== null &&
      !document.body.textContent?.includes('Loading…'),
    { timeout: 15_000 },
  );
  return popup;
}

/**
 * A PNG of what the user sees of the element matching `selector`: the tab is brought to the front, the element
 * scrolled into the middle of the viewport and the visible part of it captured.
 */
export async function elementScreenshot(page: Page, selector: string): Promise<Uint8Array> {
  await page.bringToFront();
  const element = await page.waitForSelector(selector, { timeout: 15_000 });
  if (!element) throw new Error(`No element ${selector}`);
  // Scroll without animation and measure in the same task, so the clip matches what is painted.
  const clip = await element.evaluate((el) => {
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    const r = el.getBoundingClientRect();
    const top = Math.max(r.top, 0);
    const bottom = Math.min(r.bottom, innerHeight);
    return { x: r.left + scrollX, y: top + scrollY, width: r.width, height: Math.max(bottom - top, 0) };
  });
  await element.dispose();
  if (clip.width === 0 || clip.height === 0) throw new Error(`${selector} has nothing visible to capture`);
  return page.screenshot({ clip });
}
