import type { DetectedEntry } from '../schema/paper';
import type { ViewMode } from '../schema/settings';

/** One entry as the view sees it. */
export interface ViewItem {
  entry: DetectedEntry;
  match: boolean;
  score: number;
  /** A mute asked to hide it: hidden in every view. */
  hidden: boolean;
}

/**
 * The elements that move together for an entry: its parts (arXiv's dt + dd), or the outermost ancestor of its
 * root that holds no other entry (a card's wrapper in a grid), so that reordering moves whole cards.
 */
export function unitsOf(items: readonly ViewItem[]): Map<DetectedEntry, HTMLElement[]> {
  const counts = new Map<Element, number>();
  for (const { entry } of items) {
    if (entry.parts) continue;
    const body = entry.root.ownerDocument.body;
    for (let a = entry.root.parentElement; a && a !== body; a = a.parentElement) {
      counts.set(a, (counts.get(a) ?? 0) + 1);
    }
  }
  const out = new Map<DetectedEntry, HTMLElement[]>();
  for (const { entry } of items) {
    if (entry.parts) {
      out.set(entry, entry.parts);
      continue;
    }
    let unit = entry.root;
    const body = entry.root.ownerDocument.body;
    while (unit.parentElement && unit.parentElement !== body && counts.get(unit.parentElement) === 1) {
      unit = unit.parentElement;
    }
    out.set(entry, [unit]);
  }
  return out;
}

/** Whether a node between entries ends a run of entries (a heading does; whitespace and comments do not). */
function separates(node: Node): boolean {
  if (node.nodeType === 1) return true;
  return node.nodeType === 3 && (node.textContent ?? '').trim() !== '';
}

/**
 * Reorders and hides entries in place for "matches first" / "matches only" / "dim the rest", and puts the page
 * back exactly as it was: every moved node returns to its place, every touched `style` attribute to its
 * original value (or absence).
 */
export class PageView {
  private readonly order = new Map<Node, Node[]>();
  private readonly styles = new Map<HTMLElement, string | null>();

  apply(mode: ViewMode, dim: boolean, items: readonly ViewItem[]): void {
    this.restore();
    const units = unitsOf(items);
    for (const item of items) {
      const hide = item.hidden || (mode === 'matches-only' && !item.match);
      const faded = !hide && dim && !item.match;
      for (const unit of units.get(item.entry) ?? []) {
        if (hide) this.setStyle(unit, 'display', 'none');
        else if (faded) this.setStyle(unit, 'opacity', '0.35');
      }
    }
    if (mode !== 'original') this.reorder(items, units);
  }

  /** The original order and styles. */
  restore(): void {
    for (const [el, value] of this.styles) {
      if (value === null) el.removeAttribute('style');
      else el.setAttribute('style', value);
    }
    this.styles.clear();
    for (const [parent, nodes] of this.order) {
      const original = new Set(nodes);
      const kept = nodes.filter((n) => n.parentNode === parent);
      const added = Array.from(parent.childNodes).filter((n) => !original.has(n));
      // Nodes the site added meanwhile go after the original ones, in the order it added them.
      for (const n of [...kept, ...added]) parent.appendChild(n);
    }
    this.order.clear();
  }

  get active(): boolean {
    return this.order.size > 0 || this.styles.size > 0;
  }

  private setStyle(el: HTMLElement, prop: string, value: string): void {
    if (!this.styles.has(el)) this.styles.set(el, el.getAttribute('style'));
    el.style.setProperty(prop, value, 'important');
  }

  /** Matches first, strongest first; the rest after them in their order; within each run of entries. */
  private reorder(items: readonly ViewItem[], units: Map<DetectedEntry, HTMLElement[]>): void {
    const owner = new Map<Node, ViewItem>();
    for (const item of items) for (const u of units.get(item.entry) ?? []) owner.set(u, item);
    const parents = new Set<Node>();
    for (const u of owner.keys()) if (u.parentNode) parents.add(u.parentNode);
    for (const parent of parents) {
      const nodes = Array.from(parent.childNodes);
      let run: ViewItem[] = [];
      let moved = false;
      const flush = (anchor: Node | null) => {
        if (run.length > 1) moved = this.sortRun(parent, run, units, anchor) || moved;
        run = [];
      };
      for (const node of nodes) {
        const item = owner.get(node);
        if (item) {
          if (run[run.length - 1] !== item) run.push(item);
        } else if (separates(node)) flush(node);
      }
      flush(null);
      if (moved && !this.order.has(parent)) this.order.set(parent, nodes);
    }
  }

  private sortRun(
    parent: Node,
    run: ViewItem[],
    units: Map<DetectedEntry, HTMLElement[]>,
    anchor: Node | null,
  ): boolean {
    const sorted = [...run.filter((i) => i.match).sort((a, b) => b.score - a.score), ...run.filter((i) => !i.match)];
    if (sorted.every((item, i) => item === run[i])) return false;
    if (!this.order.has(parent)) this.order.set(parent, Array.from(parent.childNodes));
    for (const item of sorted) for (const u of units.get(item.entry) ?? []) parent.insertBefore(u, anchor);
    return true;
  }
}
