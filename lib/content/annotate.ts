import type { DetectedEntry } from '../schema/paper';
import type { ScoredPaper } from '../schema/score';
import type { HighlightStyle } from '../schema/settings';
import { textOn } from '../util/contrast';
import { STRINGS } from './strings';
import { ANNOTATION_CSS, styleShadow } from './styles';

/** The element added to every detected entry, matching or not, so the page cannot tell them apart by it. */
export const HOST_TAG = 'paperlight-annotation';
/** The attribute naming each detected entry's canonical id (the tests' contract; ids, never scores). */
export const ENTRY_ATTR = 'data-paperlight-entry';

/** What one entry's annotation shows. */
export interface AnnotationState {
  result: ScoredPaper | undefined;
  saved: boolean;
  fresh: boolean;
  feedback: 'up' | 'down' | undefined;
  /** How a match is marked (settings → highlight style); a tinted bar when absent. */
  style?: HighlightStyle;
}

/** What the annotation's buttons ask of the page session. */
export interface AnnotationActions {
  toggleSaved(root: HTMLElement): void;
  toggleFeedback(root: HTMLElement, verdict: 'up' | 'down'): void;
}

/** Whether a score counts as a match: the page's highlight, counts and views all use this. */
export function isMatch(result: ScoredPaper | undefined): boolean {
  return !!result && result.score > 0 && result.tags.length > 0 && result.muted !== 'hide';
}

// Closed shadow roots: the page's scripts cannot reach in, so we keep our own handle on each entry's parts.
const annotations = new WeakMap<Element, EntryAnnotation>();

/** Panel colours that read on the site's theme: dark panel when the site's text is light. */
let panelColors: { bg: string; fg: string } | null = null;
function themeColors(root: Element): { bg: string; fg: string } {
  if (panelColors) return panelColors;
  const rgb = /(\d+)\D+(\d+)\D+(\d+)/.exec(getComputedStyle(root).color);
  const light = rgb ? 0.299 * +rgb[1]! + 0.587 * +rgb[2]! + 0.114 * +rgb[3]! > 150 : false;
  panelColors = light ? { bg: '#1f2937', fg: '#f3f4f6' } : { bg: '#ffffff', fg: '#111827' };
  return panelColors;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = cls;
  if (text) node.textContent = text;
  return node;
}

function button(cls: string, text: string, label: string): HTMLButtonElement {
  const b = el('button', cls, text);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  b.title = label;
  return b;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
// A thumb, drawn here rather than as an emoji: emoji fonts are missing on many Linux desktops.
const THUMB =
  'M1 7h3v8H1zM5.5 7 8.6 1.2c1.3-.3 2.3.6 2.1 1.9L10.2 6H14c1.1 0 1.9 1 1.6 2.1l-1.4 5.6c-.2.8-.9 1.3-1.7 1.3H5.5z';

/** A 👍 (or, flipped, 👎) button drawn with SVG, labelled for screen readers. */
function thumbButton(cls: string, label: string, down: boolean): HTMLButtonElement {
  const b = button(cls, '', label);
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '13');
  svg.setAttribute('height', '13');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', THUMB);
  path.setAttribute('fill', 'currentColor');
  if (down) path.setAttribute('transform', 'rotate(180 8 8)');
  svg.append(path);
  b.append(svg);
  return b;
}

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/** The row every entry gets, built once and cloned: ☆, "saved", "new", 👍, 👎 (matches add chips and score). */
let rowTemplate: HTMLDivElement | null = null;
function newRow(): HTMLDivElement {
  if (!rowTemplate) {
    rowTemplate = el('div', 'row');
    const saved = el('span', 'badge saved', STRINGS.saved);
    const fresh = el('span', 'badge fresh', STRINGS.fresh);
    saved.hidden = fresh.hidden = true;
    // The right-hand group: the score and "Why?" go first in it when the entry matches.
    const tail = el('span', 'tail');
    tail.append(thumbButton('thumb up', STRINGS.up, false), thumbButton('thumb down', STRINGS.down, true));
    rowTemplate.append(button('star', '☆', STRINGS.save), saved, fresh, tail);
  }
  return rowTemplate.cloneNode(true) as HTMLDivElement;
}

/** What a matching entry adds to its row: chips, the score and "Why?" (made on its first match). */
interface MatchParts {
  chips: HTMLSpanElement;
  score: HTMLSpanElement;
  why: HTMLButtonElement;
}

/**
 * One entry's annotation: a row of ☆, badges, tag chips, score, "Why?" and 👍/👎, in a closed shadow root.
 * Every entry gets the same host and a row of the same height; what only matches need is made when needed.
 */
export class EntryAnnotation {
  readonly host: HTMLElement;
  /** Closed to the page; held here, in the content script's own world, which the page cannot reach. */
  readonly shadow: ShadowRoot;
  private readonly row = newRow();
  private readonly star = this.row.children[0] as HTMLButtonElement;
  private readonly savedBadge = this.row.children[1] as HTMLElement;
  private readonly freshBadge = this.row.children[2] as HTMLElement;
  private readonly tail = this.row.children[3] as HTMLElement;
  private match: MatchParts | null = null;
  private panel: HTMLDivElement | null = null;
  private state: AnnotationState = { result: undefined, saved: false, fresh: false, feedback: undefined };
  private key = '';
  private style: HighlightStyle | undefined;

  constructor(
    readonly entry: DetectedEntry,
    private readonly actions: AnnotationActions,
  ) {
    this.host = document.createElement(HOST_TAG);
    const shadow = (this.shadow = this.host.attachShadow({ mode: 'closed' }));
    styleShadow(shadow, ANNOTATION_CSS);
    shadow.append(this.row);
    // One listener for the row's buttons.
    this.row.addEventListener('click', (event) => {
      const b = (event.target as Element).closest('button');
      if (!b) return;
      if (b === this.star) actions.toggleSaved(entry.root);
      else if (b.classList.contains('up')) actions.toggleFeedback(entry.root, 'up');
      else if (b.classList.contains('down')) actions.toggleFeedback(entry.root, 'down');
      else if (b.classList.contains('why')) this.toggleWhy();
    });
  }

  /** Puts the host in the entry (before its title when the adapter says where) and marks the entry. */
  mount(): void {
    const { root, anchor } = this.entry;
    root.setAttribute(ENTRY_ATTR, this.entry.paper.id);
    if (anchor && anchor !== root && root.contains(anchor)) anchor.before(this.host);
    else root.prepend(this.host);
  }

  /** Redraws when what it shows changed; cheap when nothing did. */
  render(state: AnnotationState): void {
    const r = state.result;
    const key = `${r ? `${r.score}|${r.muted ?? ''}|${r.tags.map((t) => t.interestId + t.color + t.name).join()}|${r.ranker?.words.join() ?? ''}|${r.reasons.length}` : '-'}|${state.saved}|${state.fresh}|${state.feedback ?? ''}`;
    this.state = state;
    if (state.style !== this.style) {
      if (this.style) this.row.classList.remove(`style-${this.style}`);
      this.style = state.style;
      if (this.style) this.row.classList.add(`style-${this.style}`);
    }
    if (key === this.key) return;
    this.key = key;
    const m = isMatch(r) ? r! : null;
    this.row.classList.toggle('match', m !== null);
    this.star.textContent = state.saved ? '★' : '☆';
    this.star.setAttribute('aria-pressed', String(state.saved));
    const label = state.saved ? STRINGS.unsave : STRINGS.save;
    this.star.setAttribute('aria-label', label);
    this.star.title = label;
    this.savedBadge.hidden = !state.saved;
    this.freshBadge.hidden = !state.fresh;
    this.tail.querySelector('.up')!.setAttribute('aria-pressed', String(state.feedback === 'up'));
    this.tail.querySelector('.down')!.setAttribute('aria-pressed', String(state.feedback === 'down'));
    if (m || r?.muted) this.drawMatch(m, r!);
    else if (this.match) this.match.chips.hidden = this.match.score.hidden = this.match.why.hidden = true;
    if (this.isOpen()) this.fillPanel();
  }

  private drawMatch(m: ScoredPaper | null, r: ScoredPaper): void {
    if (!this.match) {
      this.match = {
        chips: el('span', 'chips'),
        score: el('span', 'score'),
        why: button('why', STRINGS.why, STRINGS.whyTitle),
      };
      this.match.why.setAttribute('aria-expanded', 'false');
      this.freshBadge.after(this.match.chips);
      this.tail.prepend(this.match.score, this.match.why);
    }
    const { chips, score, why } = this.match;
    chips.replaceChildren();
    if (m) {
      this.row.style.setProperty('--tag', m.tags[0]!.color);
      // Strength follows the score: a faint tint for a weak match, a strong one at 100.
      this.row.style.setProperty('--strength', String(Math.round(6 + m.score * 0.22)));
      for (const tag of m.tags) {
        const chip = el('span', 'chip', tag.name); // text only: nothing from the page or the user is parsed as HTML
        chip.style.setProperty('--chip', tag.color);
        chip.style.setProperty('--chip-fg', textOn(tag.color));
        chips.append(chip);
      }
      score.textContent = STRINGS.score(m.score);
    }
    chips.hidden = score.hidden = !m;
    why.hidden = !m && !r.muted;
  }

  private isOpen(): boolean {
    if (!this.panel) return false;
    return supportsPopover ? this.panel.matches(':popover-open') : !this.panel.hidden;
  }

  private makePanel(): HTMLDivElement {
    const panel = el('div', 'panel');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', STRINGS.whyTitle);
    if (supportsPopover) panel.popover = 'auto';
    else panel.hidden = true;
    panel.addEventListener('toggle', (e) => {
      this.match?.why.setAttribute('aria-expanded', String((e as ToggleEvent).newState === 'open'));
    });
    this.shadow.append(panel);
    return panel;
  }

  /** Opens or closes the "Why?" panel beside its button. */
  toggleWhy(): void {
    const why = this.match?.why;
    if (!why) return;
    const panel = (this.panel ??= this.makePanel());
    if (this.isOpen()) {
      if (supportsPopover) panel.hidePopover();
      else panel.hidden = true;
      why.setAttribute('aria-expanded', 'false');
      return;
    }
    this.fillPanel();
    const colors = themeColors(this.entry.root);
    panel.style.setProperty('--panel-bg', colors.bg);
    panel.style.setProperty('--panel-fg', colors.fg);
    const box = why.getBoundingClientRect();
    panel.style.left = `${Math.max(8, Math.min(box.left, innerWidth - 360))}px`;
    panel.style.top = `${Math.min(box.bottom + 4, innerHeight - 120)}px`;
    if (supportsPopover) panel.showPopover();
    else panel.hidden = false;
    why.setAttribute('aria-expanded', 'true');
  }

  private fillPanel(): void {
    if (!this.panel) return;
    const r = this.state.result;
    const title = el('h2', '', r ? STRINGS.scoreLabel(r.score) : STRINGS.whyTitle);
    const list = el('ul', '');
    for (const tag of r?.tags ?? []) {
      const terms = (r?.reasons ?? []).filter((x) => x.interestId === tag.interestId);
      const item = el('li', '');
      const name = el('span', 'tag', tag.name);
      name.style.setProperty('--chip', tag.color);
      item.append(name, ': ', terms.map((x) => STRINGS.reason(x.term, STRINGS.inField[x.field])).join('; '));
      list.append(item);
    }
    if (r?.ranker) {
      const words = r.ranker.words.slice(0, 6).join(', ');
      list.append(el('li', '', words ? STRINGS.similar(words) : STRINGS.similarNoWords));
    }
    if (r?.muted) {
      const mute = r.reasons.find((x) => !r.tags.some((t) => t.interestId === x.interestId));
      list.append(el('li', '', STRINGS.muted(mute?.term ?? '', r.muted)));
    }
    if (list.childElementCount === 0) list.append(el('li', '', STRINGS.noMatch));
    this.panel.replaceChildren(title, list);
  }

  /** Marks the entry the keyboard is on, and flashes it when asked. */
  setFocused(focused: boolean, flash = false): void {
    this.row.classList.toggle('focused', focused);
    if (flash) {
      this.row.classList.remove('flash');
      void this.row.offsetWidth; // restart the animation
      this.row.classList.add('flash');
    }
  }
}

/** The annotation of a detected entry's root, creating (not mounting) it on first use. */
export function annotationFor(entry: DetectedEntry, actions: AnnotationActions): EntryAnnotation {
  let a = annotations.get(entry.root);
  if (!a || a.entry.paper.id !== entry.paper.id) {
    a?.host.remove();
    a = new EntryAnnotation(entry, actions);
    annotations.set(entry.root, a);
  }
  return a;
}

/** The annotation already made for this root, if any. */
export function existingAnnotation(root: Element): EntryAnnotation | undefined {
  return annotations.get(root);
}

/** Removes every trace of the entries' annotations from the page (extension disabled, paused, updated). */
export function removeAnnotations(doc: Document = document): void {
  for (const host of Array.from(doc.querySelectorAll(HOST_TAG))) host.remove();
  for (const el of Array.from(doc.querySelectorAll(`[${ENTRY_ATTR}]`))) {
    el.removeAttribute(ENTRY_ATTR);
    annotations.delete(el);
  }
}
