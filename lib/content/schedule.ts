import { yieldToEventLoop } from '../util/yield';

/** Longest stretch of our work before giving the page its main thread back (well under the 50 ms long task). */
export const SLICE_MS = 8;

/** Gives the page's own tasks (input, rendering, its timers) a turn before we continue. */
export const yieldToPage = yieldToEventLoop;

/**
 * Runs `work` on each item in slices of about SLICE_MS, yielding between slices, so that a 2,000-entry page
 * never blocks the site's main thread for long. Stops early when `cancelled()` turns true.
 */
export async function inSlices<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  cancelled: () => boolean = () => false,
): Promise<boolean> {
  let i = 0;
  while (i < items.length) {
    if (cancelled()) return false;
    const start = performance.now();
    do work(items[i]!, i);
    while (++i < items.length && performance.now() - start < SLICE_MS);
    if (i < items.length) await yieldToPage();
  }
  return !cancelled();
}

/** Resolves once the page's document has been parsed (the content script starts at document start). */
export function domReady(doc: Document = document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Resolves at low priority, after the page's pending input and rendering: for work that can wait (term marks).
 * Not requestAnimationFrame: a frame callback runs inside the page's rendering task, which would then count
 * as ours.
 */
export function whenIdle(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (f: () => void, o: object) => Promise<void> } })
    .scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => {}, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 50));
}
