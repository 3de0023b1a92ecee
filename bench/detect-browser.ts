import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../tests/e2e/support/browsers';
import type { Row } from './measure';

export interface BrowserCase {
  name: string;
  url: string;
  html: string;
  rootSelector: string;
  expected: number;
}

/** Times detect() against its floor inside real Chromium, on pages served at their real URLs. */
export async function runBrowserDetectBench(cases: BrowserCase[]): Promise<Row[]> {
  const bundle = await build({
    entryPoints: [new URL('./browser-entry.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'PaperlightBench',
    target: 'chrome120',
  });
  const script = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath: await chromiumExecutable(), headless: true });
  const rows: Row[] = [];
  try {
    for (const c of cases) {
      const page = await browser.newPage();
      await page.route('**/*', (route) =>
        route.request().url() === c.url
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: c.html })
          : route.abort(),
      );
      await page.goto(c.url);
      await page.addScriptTag({ content: script });
      const r = await page.evaluate(
        (sel) =>
          (
            globalThis as unknown as {
              PaperlightBench: { measureDetect(s: string): { found: number; floor: number; detect: number } };
            }
          ).PaperlightBench.measureDetect(sel),
        c.rootSelector,
      );
      if (r.found !== c.expected)
        throw new Error(`${c.name}: detect() found ${r.found} in Chromium, expected ${c.expected}`);
      rows.push({
        bench: `detect (Chromium): ${c.name}`,
        baseline: 'qSA + textContent',
        baselineMs: r.floor,
        subject: 'detect()',
        subjectMs: r.detect,
        budget: 2,
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}
