import type { DetectedEntry } from '../schema/paper';
import type { Reason, ScoredPaper } from '../schema/score';
import { INTEREST_COLORS } from '../storage/default-interests';

type HighlightLike = { add(r: AbstractRange): void; delete(r: AbstractRange): boolean; clear(): void };
type Registry = { set(name: string, h: HighlightLike): void; delete(name: string): boolean };

function registry(): { highlights: Registry; Highlight: new () => HighlightLike } | null {
  const css = (globalThis as { CSS?: { highlights?: Registry } }).CSS;
  const Highlight = (globalThis as { Highlight?: new () => HighlightLike }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

/** The entry's text in page order: its text nodes and their concatenation (our hosts hold no light-DOM text). */
export interface EntryText {
  nodes: Text[];
  starts: number[];
  flat: string;
}

export function entryText(entry: DetectedEntry): EntryText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let flat = '';
  for (const part of entry.parts ?? [entry.root]) {
    // SHOW_TEXT = 4. No filter: a JavaScript filter is called for every node, and shadow roots are not walked.
    const walker = part.ownerDocument.createTreeWalker(part, 4);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      nodes.push(n);
      starts.push(flat.length);
      flat += n.data;
    }
  }
  return { nodes, starts, flat };
}

/** A pattern for a piece of normalised text that tolerates the page's own line breaks and runs of spaces. */
function flexible(text: string): RegExp {
  const escaped = text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/\s+/g, '\\s+'), 'giu');
}

/**
 * DOM ranges for the matched spans of `field` (title or abstract): the field's text is found in the entry's
 * text nodes, then each span's words after it, in order, so that repeated words map one to one.
 */
export function rangesFor(
  entry: DetectedEntry,
  field: 'title' | 'abstract',
  reasons: readonly Reason[],
  text: EntryText = entryText(entry),
): Range[] {
  const value = field === 'title' ? entry.paper.title : entry.paper.abstract;
  const spans = reasons
    .filter((r) => r.field === field)
    .flatMap((r) => r.spans ?? [])
    .sort((a, b) => a[0] - b[0]);
  if (!value || spans.length === 0) return [];
  const { nodes, starts, flat } = text;
  // Where the field begins: its first words; else search from the start (TeX-normalised titles, say).
  const head = flexible(value.slice(0, 40).replace(/\S*$/, '') || value.slice(0, 40));
  const at = head.exec(flat);
  // An abstract the page does not show (HF cards; it came from the page's data) has nothing to mark.
  if (!at && field === 'abstract') return [];
  let from = at ? at.index : 0;
  const out: Range[] = [];
  for (const [s, e] of spans) {
    const re = flexible(value.slice(s, e));
    re.lastIndex = from;
    const m = re.exec(flat);
    if (!m) continue;
    from = m.index + m[0].length;
    const range = entry.root.ownerDocument.createRange();
    const [sn, so] = locate(nodes, starts, m.index);
    const [en, eo] = locate(nodes, starts, m.index + m[0].length);
    range.setStart(sn, so);
    range.setEnd(en, eo);
    out.push(range);
  }
  return out;
}

/** The text node and offset holding character `pos` of the concatenated text (binary search). */
function locate(nodes: Text[], starts: number[], pos: number): [Text, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return [nodes[lo]!, pos - starts[lo]!];
}

/** The highlight style of a colour, a translucent background so that it reads on light and dark sites. */
function highlightRule(name: string, color: string): string {
  const safe = /^#[0-9a-f]{3,8}$/i.test(color) ? color : '#7c3aed';
  return `::highlight(${name}) { background-color: color-mix(in srgb, ${safe} 32%, transparent); }`;
}

/**
 * Marks matched terms inside titles and abstracts in their tag's colour, through the CSS Custom Highlight API:
 * no element is added to the site's text and its DOM is left as it was.
 *
 * Adding or changing a document style sheet restyles the whole page (≈300 ms on a 2,000-entry listing), so the
 * sheet is installed once, at document start, with a rule for every colour of the interest palette; a custom
 * colour adds its rule later (one restyle, the first time it is seen).
 */
export class TermHighlighter {
  private readonly byEntry = new Map<Element, { name: string; ranges: Range[] }[]>();
  private readonly highlights = new Map<string, HighlightLike>();
  private readonly colors: string[] = [];
  private sheet: CSSStyleSheet | HTMLStyleElement | null = null;

  /** Installs the style sheet while the page is still small; call at document start. */
  install(doc: Document = document): void {
    if (this.sheet || !registry()) return;
    for (const color of INTEREST_COLORS) this.colors.push(color.toLowerCase());
    const css = this.colors.map((c, i) => highlightRule(`paperlight-${i}`, c)).join('\n');
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      // Where a content script may not adopt its own sheets: a <style> element, with the same rules.
      const style = doc.createElement('style');
      style.textContent = css;
      (doc.head ?? doc.documentElement).append(style);
      this.sheet = style;
    }
  }

  /** Replaces one entry's marks with those of its current result (none when it does not match). */
  update(entry: DetectedEntry, result: ScoredPaper | undefined): void {
    const reg = registry();
    if (!reg) return;
    this.forget(entry.root);
    if (!result || result.tags.length === 0 || result.reasons.every((r) => !r.spans?.length)) return;
    const text = entryText(entry);
    const marks: { name: string; ranges: Range[] }[] = [];
    for (const tag of result.tags) {
      const reasons = result.reasons.filter((r) => r.interestId === tag.interestId);
      const ranges = [...rangesFor(entry, 'title', reasons, text), ...rangesFor(entry, 'abstract', reasons, text)];
      if (ranges.length === 0) continue;
      const name = this.nameFor(tag.color, reg);
      const h = this.highlights.get(name)!;
      for (const r of ranges) h.add(r);
      marks.push({ name, ranges });
    }
    if (marks.length) this.byEntry.set(entry.root, marks);
  }

  /** Removes one entry's marks. */
  forget(root: Element): void {
    for (const { name, ranges } of this.byEntry.get(root) ?? []) {
      const h = this.highlights.get(name);
      for (const r of ranges) h?.delete(r);
    }
    this.byEntry.delete(root);
  }

  /** Removes every mark (the style sheet stays until `uninstall`). */
  clear(): void {
    const reg = registry();
    for (const name of this.highlights.keys()) reg?.highlights.delete(name);
    this.highlights.clear();
    this.byEntry.clear();
  }

  /** Removes every mark and the style sheet: no trace left. */
  uninstall(doc: Document = document): void {
    this.clear();
    const sheet = this.sheet;
    if (sheet instanceof CSSStyleSheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    else sheet?.remove();
    this.sheet = null;
    this.colors.length = 0;
  }

  // Highlight names are neutral (`paperlight-3`): one per colour, saying nothing of the interest.
  private nameFor(color: string, reg: NonNullable<ReturnType<typeof registry>>): string {
    const c = color.toLowerCase();
    let index = this.colors.indexOf(c);
    if (index < 0) {
      index = this.colors.push(c) - 1;
      this.addRule(highlightRule(`paperlight-${index}`, c));
    }
    const name = `paperlight-${index}`;
    if (!this.highlights.has(name)) {
      const h = new reg.Highlight();
      this.highlights.set(name, h);
      reg.highlights.set(name, h);
    }
    return name;
  }

  private addRule(rule: string): void {
    if (!this.sheet) this.install();
    if (this.sheet instanceof CSSStyleSheet) this.sheet.insertRule(rule, this.sheet.cssRules.length);
    else if (this.sheet) this.sheet.textContent += `\n${rule}`;
  }
}
