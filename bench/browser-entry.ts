// Bundled into the benchmark page: the real adapters, timed where they run in the extension (a real Chromium).
import { findAdapter } from '../lib/sites/find-adapter';

function median(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

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
