import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ask as sendMessage, asFocusPush, asPaintPush } from '../messaging/content-channel';
import type { ResponseOf } from '../messaging/protocol';
import type { DetectedEntry } from '../schema/paper';
import type { ScoredPaper } from '../schema/score';
import type { Settings, SiteView } from '../schema/settings';
import { DEFAULT_SITE_VIEW, siteEnabled } from '../schema/site-switch';
import { findAdapter } from '../sites/find-adapter';
import type { SiteAdapter } from '../sites/types';
import {
  annotationFor,
  existingAnnotation,
  HOST_TAG,
  isMatch,
  removeAnnotations,
  type AnnotationActions,
  type EntryAnnotation,
} from './annotate';
import { CONTROL_TAG, FloatingControl } from './control';
import { listenForShortcuts } from './keyboard';
import { domReady, inSlices, whenIdle, yieldToPage } from './schedule';
import { TermHighlighter } from './term-highlights';
import { PageView } from './view';

/** Quiet time after the site's last DOM change before looking for new entries. */
export const RESCAN_DELAY_MS = 250;
/** How long a script-rendered page may take to show its first entries before we call it empty. */
export const SETTLE_MS = 4000;

type Verdict = 'up' | 'down';

/**
 * One page's life: detect, report, annotate in slices; then keep up with the site (entries it adds, SPA
 * navigation), with the user (☆, 👍/👎, the floating control, keys) and with the popup (pushed re-scores).
 * Turning the site off, pausing, or the extension going away removes every trace.
 */
export class PageSession implements AnnotationActions {
  private adapter: SiteAdapter | null = null;
  private href = '';
  private host = location.hostname;
  /** Entries detected, by root element, in page order: a rescan skips reading them again. */
  private known = new Map<Element, DetectedEntry>();
  private results = new Map<string, ScoredPaper>();
  private saved = new Set<string>();
  private fresh = new Set<string>();
  private feedback = new Map<string, Verdict>();
  private settings: Settings | null = null;
  private active = false;
  private observer: MutationObserver | null = null;
  private rescanTimer: number | undefined;
  private settled = false;
  private reportSeq = 0;
  private paintSeq = 0;
  private control: FloatingControl | null = null;
  private readonly view = new PageView();
  private readonly highlighter = new TermHighlighter();
  private stopKeys: (() => void) | null = null;
  private cursor: Element | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  /** Reads the settings, runs the first scan when this site is on, and follows settings and pushes. */
  async start(): Promise<void> {
    // At document start the page is still small: installing the term-highlight styles now costs nothing, while
    // adding them to a finished 2,000-entry page restyles all of it.
    this.highlighter.install();
    this.ctx.onInvalidated(() => this.deactivate());
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.schedule(0));
    const onPush = (message: unknown) => {
      const push = asPaintPush(message);
      if (push && this.active && push.url === this.href) this.applyPush(push);
      const focus = asFocusPush(message);
      if (focus && this.active) this.focus(focus.id);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onPush);
    this.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onPush));
    // Settings live in storage.local under `settings`; the background reads and validates them for us.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'settings' in changes) void this.refreshSettings();
    };
    browser.storage.onChanged.addListener(onStorage);
    this.ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
    await domReady();
    await this.refreshSettings();
  }

  private async refreshSettings(): Promise<void> {
    if (this.ctx.isInvalid) return;
    await this.onSettings(await sendMessage('getSettings', {}));
  }

  private async onSettings(settings: Settings): Promise<void> {
    const first = this.settings === null;
    this.settings = settings;
    const on = siteEnabled(settings, this.host);
    if (on && !this.active) await this.activate();
    else if (!on && this.active) this.deactivate(true);
    else if (on && !first) {
      this.control?.setShortcuts(settings.keyboardShortcuts);
      this.listenKeys();
      await this.repaintAll();
    }
  }

  private async activate(): Promise<void> {
    this.active = true;
    if (this.settings?.highlightTerms ?? true) this.highlighter.install();
    this.listenKeys();
    await this.scan();
    if (!this.active) return;
    if (this.adapter?.dynamic) this.watch();
    if (!this.settled) this.ctx.setTimeout(() => void this.settle(), SETTLE_MS);
  }

  /** Restores the page exactly: original order and styles, no host, no mark, no attribute. */
  private deactivate(tellBackground = false): void {
    const wasActive = this.active;
    this.active = false;
    this.reportSeq++;
    this.paintSeq++;
    this.observer?.disconnect();
    this.observer = null;
    this.stopKeys?.();
    this.stopKeys = null;
    this.view.restore();
    this.highlighter.uninstall();
    removeAnnotations();
    this.control?.unmount();
    this.control = null;
    this.known.clear();
    this.results.clear();
    this.cursor = null;
    this.href = '';
    this.adapter = null;
    if (tellBackground && wasActive && !this.ctx.isInvalid) {
      void sendMessage('reportEntries', { url: location.href, adapterId: null, entries: [], settled: true }).catch(
        () => undefined,
      );
    }
  }

  private listenKeys(): void {
    const want = this.active && (this.settings?.keyboardShortcuts ?? true);
    if (want && !this.stopKeys) {
      this.stopKeys = listenForShortcuts({
        next: () => this.step(1),
        previous: () => this.step(-1),
        toggleSaved: () => {
          const root = this.cursor ?? this.matchesInViewOrder()[0];
          if (root instanceof HTMLElement) this.toggleSaved(root);
        },
        cycleView: () => this.control?.cycleView(),
        help: () => this.control?.toggleHelp(),
      });
    } else if (!want && this.stopKeys) {
      this.stopKeys();
      this.stopKeys = null;
    }
  }

  private watch(): void {
    const observer = new MutationObserver((records) => {
      // Our own hosts and control coming and going are not news.
      const foreign = records.some((r) =>
        Array.from(r.addedNodes).some(
          (n) => n.nodeType === 1 && (n as Element).localName !== HOST_TAG && (n as Element).localName !== CONTROL_TAG,
        ),
      );
      if (foreign) this.schedule(RESCAN_DELAY_MS);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    this.observer = observer;
  }

  private schedule(delay: number): void {
    if (!this.active) return;
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

  /** Detects (skipping known entries), reports every current entry, and annotates. */
  private async scan(force = false): Promise<void> {
    if (this.ctx.isInvalid || !this.active) return;
    if (location.href !== this.href) this.navigate(location.href);
    const adapter = this.adapter;
    if (!adapter) return;
    const url = new URL(this.href);
    const found = adapter.detect(document, url, { isKnown: (root) => this.known.has(root) });
    let fresh = 0;
    const next = new Map<Element, DetectedEntry>();
    for (const entry of found) {
      if (!this.known.has(entry.root)) fresh++;
      next.set(entry.root, entry);
    }
    const gone = [...this.known.keys()].some((root) => !next.has(root));
    this.known = next;
    if (fresh === 0 && !gone && !force && this.reportSeq > 0) return;
    // Static pages are complete when the script runs (document_idle); script-rendered ones get time to render.
    if (found.length > 0 || !adapter.dynamic) this.settled = true;
    const seq = ++this.reportSeq;
    const stale = () => this.ctx.isInvalid || seq !== this.reportSeq || !this.active;
    // Each step is a task of its own: detecting, estimating the count, and sending (the browser copies the
    // entries in the sending task) would together block a 2,000-entry page for too long.
    await yieldToPage();
    if (stale()) return;
    const expected = adapter.expectedCount?.(document, url);
    await yieldToPage();
    if (stale()) return;
    const reply = sendMessage('reportEntries', {
      url: this.href,
      adapterId: adapter.id,
      entries: found.map((e) => e.paper),
      expected,
      settled: this.settled,
    });
    // While the background scores, every new entry gets its row (☆ first; the scores fill it in after): built
    // off the page first, then put in, so that the site lays its page out a few times, not once per row.
    const unmounted: EntryAnnotation[] = [];
    await inSlices(
      found,
      (entry) => {
        const a = annotationFor(entry, this);
        if (!a.host.isConnected) {
          a.render(this.stateOf(entry));
          unmounted.push(a);
        }
      },
      stale,
    );
    if (stale()) return;
    await inSlices(unmounted, (a) => a.mount(), stale);
    const answer = await reply;
    if (stale()) return;
    this.absorb(answer);
    await this.paint(found);
  }

  private absorb(reply: Pick<ResponseOf<'reportEntries'>, 'results' | 'saved' | 'feedback'> & { fresh?: string[] }) {
    this.results = new Map(reply.results.map((r) => [r.id, r]));
    this.saved = new Set(reply.saved);
    for (const id of reply.fresh ?? []) this.fresh.add(id);
    this.feedback = new Map(Object.entries(reply.feedback));
  }

  private applyPush(push: { results: ScoredPaper[]; saved: string[]; feedback: Record<string, Verdict> }): void {
    this.absorb(push);
    void this.repaintAll();
  }

  private repaintAll(): Promise<void> {
    return this.paint([...this.known.values()]);
  }

  /** Draws the entries' annotations in slices, then their term marks, then the view and the counts. */
  private async paint(entries: DetectedEntry[]): Promise<void> {
    const seq = ++this.paintSeq;
    const cancelled = () => seq !== this.paintSeq || !this.active || this.ctx.isInvalid;
    const done = await inSlices(
      entries,
      (entry) => {
        const a = annotationFor(entry, this);
        if (!a.host.isConnected) a.mount();
        a.render(this.stateOf(entry));
      },
      cancelled,
    );
    if (!done) return;
    this.updateControl();
    this.applyView();
    if (!(this.settings?.highlightTerms ?? true)) {
      this.highlighter.uninstall();
      return;
    }
    // Term marks come after the annotations have been painted: they are the least urgent part.
    await whenIdle();
    if (cancelled()) return;
    this.highlighter.install();
    await inSlices(entries, (entry) => this.highlighter.update(entry, this.results.get(entry.paper.id)), cancelled);
  }

  private stateOf(entry: DetectedEntry) {
    const id = entry.paper.id;
    return {
      result: this.results.get(id),
      saved: this.saved.has(id),
      fresh: this.fresh.has(id),
      feedback: this.feedback.get(id),
      style: this.settings?.highlightStyle,
    };
  }

  private siteView(): SiteView {
    return this.settings?.siteViews[this.host] ?? DEFAULT_SITE_VIEW;
  }

  private updateControl(): void {
    if (!this.control) {
      this.control = new FloatingControl(
        this.siteView(),
        {
          change: (view) => {
            this.applyView();
            void sendMessage('setSiteView', { host: this.host, view }).catch(() => undefined);
          },
          next: () => this.step(1),
          previous: () => this.step(-1),
          turnOffSite: () => void sendMessage('setSiteEnabled', { host: this.host, enabled: false }),
        },
        this.settings?.keyboardShortcuts ?? true,
      );
    }
    const entries = [...this.known.values()];
    const matches = entries.filter((e) => isMatch(this.results.get(e.paper.id))).length;
    this.control.setCounts(matches, entries.length);
    this.control.mount();
  }

  /** Applies the control's order, hiding and dimming; the page is untouched in the default view. */
  private applyView(): void {
    const { view, dim } = this.control?.view ?? this.siteView();
    const items = [...this.known.values()].map((entry) => {
      const r = this.results.get(entry.paper.id);
      return { entry, match: isMatch(r), score: r?.score ?? 0, hidden: r?.muted === 'hide' };
    });
    const needed = view !== 'original' || dim || items.some((i) => i.hidden);
    if (!needed && !this.view.active) return;
    this.view.apply(view, dim, items);
    // Our own moves are not the site adding entries.
    this.observer?.takeRecords();
  }

  /** The matching entries in the order the user sees them. */
  private matchesInViewOrder(): Element[] {
    return [...this.known.values()]
      .filter((e) => isMatch(this.results.get(e.paper.id)) && e.root.isConnected)
      .map((e) => e.root)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** Moves the keyboard's focus to the next (1) or previous (-1) match, scrolling it into view. */
  private step(direction: 1 | -1): void {
    const matches = this.matchesInViewOrder();
    if (matches.length === 0) return;
    const at = this.cursor ? matches.indexOf(this.cursor) : -1;
    const index =
      at < 0 ? (direction > 0 ? 0 : matches.length - 1) : (at + direction + matches.length) % matches.length;
    this.moveCursor(matches[index]!);
  }

  /** Shows one paper of the page (asked from the popup): scrolled to, focused and flashed. */
  private focus(id: string): void {
    const entry = [...this.known.values()].find((e) => e.paper.id === id);
    if (entry) this.moveCursor(entry.root);
  }

  private moveCursor(root: Element): void {
    if (this.cursor) existingAnnotation(this.cursor)?.setFocused(false);
    this.cursor = root;
    existingAnnotation(root)?.setFocused(true, true);
    root.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  toggleSaved(root: HTMLElement): void {
    const entry = this.known.get(root);
    if (!entry) return;
    const id = entry.paper.id;
    const saved = !this.saved.has(id);
    this.setLocal(() => (saved ? this.saved.add(id) : this.saved.delete(id)), entry);
    const r = this.results.get(id);
    const matched = saved && r && isMatch(r) ? { interestTags: r.tags.map((t) => t.name), score: r.score } : {};
    sendMessage('setShortlisted', { paper: entry.paper, saved, ...matched }).catch((error: unknown) => {
      // The shortlist could not be written: show the truth again and say why in the console.
      console.warn('Paperlight: could not update the shortlist', error);
      this.setLocal(() => (saved ? this.saved.delete(id) : this.saved.add(id)), entry);
    });
  }

  toggleFeedback(root: HTMLElement, verdict: Verdict): void {
    const entry = this.known.get(root);
    if (!entry) return;
    const id = entry.paper.id;
    const before = this.feedback.get(id);
    const next = before === verdict ? null : verdict;
    this.setLocal(() => (next ? this.feedback.set(id, next) : this.feedback.delete(id)), entry);
    sendMessage('setFeedback', { paper: entry.paper, verdict: next }).catch((error: unknown) => {
      console.warn('Paperlight: could not record feedback', error);
      this.setLocal(() => (before ? this.feedback.set(id, before) : this.feedback.delete(id)), entry);
    });
  }

  private setLocal(change: () => void, entry: DetectedEntry): void {
    change();
    existingAnnotation(entry.root)?.render(this.stateOf(entry));
  }

  /** A new URL (SPA navigation): pick the adapter anew; leaving supported pages removes everything. */
  private navigate(href: string): void {
    const previous = this.adapter;
    this.href = href;
    this.adapter = findAdapter(href);
    // The site is about to redraw its list: hand it back its own order first.
    this.view.restore();
    if (previous && !this.adapter) {
      this.highlighter.uninstall();
      removeAnnotations();
      this.control?.unmount();
      this.control = null;
      this.known.clear();
      void sendMessage('reportEntries', { url: href, adapterId: null, entries: [], settled: true });
    }
  }
}
