import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Where `wxt build` wrote the extensions: `.output`, or $PAPERLIGHT_OUT_DIR (see wxt.config.ts). */
const OUT_DIR = process.env.PAPERLIGHT_OUT_DIR ? join(ROOT, process.env.PAPERLIGHT_OUT_DIR) : join(ROOT, '.output');
export const CHROME_BUILD = join(OUT_DIR, 'chrome-mv3');
export const FIREFOX_BUILD = join(OUT_DIR, 'firefox-mv2');

function firstExisting(candidates: (string | undefined)[]): string | undefined {
  return candidates.find((c): c is string => !!c && existsSync(c));
}

/** Chromium: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own download. */
export async function chromiumExecutable(): Promise<string> {
  const { chromium } = await import('@playwright/test');
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  const found = firstExisting([process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', bundled]);
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; elsewhere: ' +
        '`npx playwright install chromium`) or set CHROMIUM_PATH to its executable.',
    );
  }
  return found;
}

/** Firefox: $FIREFOX_PATH, then Debian's firefox-esr, then /usr/bin/firefox. */
export function firefoxExecutable(): string {
  const found = firstExisting([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']);
  if (!found) {
    throw new Error(
      'No Firefox found. Install one (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH ' +
        'to its executable.',
    );
  }
  return found;
}

/** Fails early, with the command to run, when the extension has not been built. */
export function requireBuild(dir: string): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run \`npm run build:all\` first (npm run test:e2e does).`);
  }
  return dir;
}
