// Bundled into the benchmark page: the real adapters, timed where they run in the extension (a real Chromium).
import { findAdapter } from '../lib/sites/find-adapter';
import { median } from './measure';

/** Floor (find the entry roots, read each root's text) and detect(), median ms, on the current page. */
export function measureDetect(rootSelector: string, runs = 15) {
  const adapter = findAdapter(location.href);
  if (!adapter) throw new Error(`no adapter for ${location.href}`);
  const url = new URL(location.href);
  const found = adapter.detect(document, url).length;
  const floor = median(() => {
    let chars = 0;
    for (const root of Array.from(document.querySelectorAll(rootSelector))) chars += root.textContent?.length ?? 0;
    return chars;
  }, runs);
  const detect = median(() => adapter.detect(document, url), runs);
  return { found, floor, detect };
}
