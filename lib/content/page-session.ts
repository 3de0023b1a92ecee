import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging/client';
import type { DetectedEntry } from '../schema/paper';
import type { ScoredPaper } from '../schema/score';
import { findAdapter } from '../sites/find-adapter';
import type { SiteAdapter } from '../sites/types';
import { annotate, HOST_TAG, removeAnnotations } from './annotate';

/** Quiet time after the site's last DOM change before looking for new entries. */
export const RESCAN_DELAY_MS = 250;
/** How long a script-rendered page may take to show its first entries before we call it empty. */
export const SETTLE_MS = 4000;

/**
 * One page's life: detect, report, annotate; then, on script-rendered sites, watch for entries the site adds
 * (infinite scroll, tabs, SPA navigation) and handle only those, leaving what was done alone.
 */
export class PageSession {
  private adapter: SiteAdapter | null = null;
  private href = '';
  /** Entries already detected, by root element: a rescan skips reading them again. */
  private known = new Map<Element, DetectedEntry>();
  private lastScore = new WeakMap<Element, string>();
  private rescanTimer: number | undefined;
  private settled = false;
  private reportSeq = 0;

  constructor(private readonly ctx: ContentScriptContext) {}

  /** Runs the first scan and, on dynamic sites, starts watching. */
  async start(): Promise<void> {
    this.ctx.onInvalidated(() => removeAnnotations());
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.schedule(0));
    await this.scan();
    if (this.adapter?.dynamic) this.watch();
    if (!this.settled) this.ctx.setTimeout(() => void this.settle(), SETTLE_MS);
  }

  private watch(): void {
    const observer = new MutationObserver((records) => {
      // Our own annotation hosts coming and going are not news.
      const foreign = records.some((r) =>
        Array.from(r.addedNodes).some((n) => n.nodeType === 1 && (n as Element).localName !== HOST_TAG),
      );
      if (foreign) this.schedule(RESCAN_DELAY_MS);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    this.ctx.onInvalidated(() => observer.disconnect());
  }

  private schedule(delay: number): void {
    if (this.rescanTimer !== undefined) clearTimeout(this.rescanTimer);
    this.rescanTimer = this.ctx.setTimeout(() => {
      this.rescanTimer = undefined;
      void this.scan();
    }, delay);
  }

  private async settle(): Promise<void> {
    this.settled = true;
    await this.scan(true);
  }

  /** Detects (skipping known entries), reports every current entry, and annotates what is new or changed. */
  private async scan(force = false): Promise<void> {
    if (this.ctx.isInvalid) return;
    if (location.href !== this.href) this.navigate(location.href);
    const adapter = this.adapter;
    if (!adapter) return;
    const url = new URL(this.href);
    const found = adapter.detect(document, url, { isKnown: (root) => this.known.has(root) });
    let fresh = 0;
    for (const entry of found) {
      if (!this.known.has(entry.root)) fresh++;
      this.known.set(entry.root, entry);
    }
    for (const root of this.known.keys()) if (!root.isConnected) this.known.delete(root);
    if (fresh === 0 && !force && this.reportSeq > 0) return;
    // Static pages are complete when the script runs (document_idle); script-rendered ones get time to render.
    if (found.length > 0 || !adapter.dynamic) this.settled = true;
    const seq = ++this.reportSeq;
    const { results } = await sendMessage('reportEntries', {
      url: this.href,
      adapterId: adapter.id,
      entries: found.map((e) => e.paper),
      expected: adapter.expectedCount?.(document, url),
      settled: this.settled,
    });
    if (this.ctx.isInvalid || seq !== this.reportSeq) return;
    this.paint(found, results);
  }

  /** Annotates entries whose score changed since they were last drawn (new entries have none yet). */
  private paint(entries: DetectedEntry[], results: ScoredPaper[]): void {
    const byId = new Map(results.map((r) => [r.id, r]));
    const changed = entries.filter((e) => {
      const key = JSON.stringify(byId.get(e.paper.id) ?? null);
      if (this.lastScore.get(e.root) === key) return false;
      this.lastScore.set(e.root, key);
      return true;
    });
    annotate(changed, results);
  }

  /** A new URL (SPA navigation): forget entries that left the page, pick the adapter anew. */
  private navigate(href: string): void {
    const previous = this.adapter;
    this.href = href;
    this.adapter = findAdapter(href);
    if (previous && !this.adapter) {
      removeAnnotations();
      this.known.clear();
      void sendMessage('reportEntries', { url: href, adapterId: null, entries: [], settled: true });
    }
  }
}
