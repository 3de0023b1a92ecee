import type { DetectedEntry } from '../schema/paper';
import type { ScoredPaper } from '../schema/score';

/** The element added to every detected entry, matching or not, so the page cannot tell them apart by it. */
export const HOST_TAG = 'paperlight-annotation';

// Closed shadow roots: the page's scripts cannot reach in, so we keep our own handle on each.
const shadows = new WeakMap<Element, ShadowRoot>();

const STYLE = `
:host { all: initial; display: block; }
.strip { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 2px 0 6px;
  padding: 3px 8px; border-left: 6px solid var(--tag); border-radius: 3px;
  background: color-mix(in srgb, var(--tag) 14%, transparent);
  font: 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: inherit; }
.chip { padding: 1px 8px; border-radius: 999px; background: var(--chip); color: #fff; font-weight: 600; }
.score { margin-left: auto; font-variant-numeric: tabular-nums; opacity: 0.8; }
`;

function hostFor(root: HTMLElement, anchor: Element | undefined): ShadowRoot {
  const existing = Array.from(root.querySelectorAll(HOST_TAG)).find((c) => shadows.has(c));
  if (existing) return shadows.get(existing)!;
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  shadow.append(style);
  shadows.set(host, shadow);
  if (anchor && anchor !== root && root.contains(anchor)) anchor.before(host);
  else root.prepend(host);
  return shadow;
}

/** Renders one entry's annotation: a strip in its strongest tag's colour with chips and the score. */
function render(shadow: ShadowRoot, result: ScoredPaper | undefined): void {
  shadow.querySelector('.strip')?.remove();
  if (!result || result.score <= 0 || result.tags.length === 0) return;
  const strip = document.createElement('div');
  strip.className = 'strip';
  strip.style.setProperty('--tag', result.tags[0]?.color ?? 'currentColor');
  for (const tag of result.tags) {
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.style.setProperty('--chip', tag.color);
    chip.textContent = tag.name; // text only: nothing the page or the user typed is parsed as HTML
    strip.append(chip);
  }
  const score = document.createElement('span');
  score.className = 'score';
  score.textContent = `${result.score}`;
  strip.append(score);
  shadow.append(strip);
}

/** Marks each entry's root with its canonical id and (re)draws its annotation. */
export function annotate(entries: readonly DetectedEntry[], results: readonly ScoredPaper[]): void {
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const { paper, root, anchor } of entries) {
    root.setAttribute('data-paperlight-entry', paper.id);
    render(hostFor(root, anchor), byId.get(paper.id));
  }
}

/** Removes every trace of Paperlight from the page (extension disabled, updated or removed). */
export function removeAnnotations(doc: Document = document): void {
  for (const host of Array.from(doc.querySelectorAll(HOST_TAG))) host.remove();
  for (const el of Array.from(doc.querySelectorAll('[data-paperlight-entry]'))) {
    el.removeAttribute('data-paperlight-entry');
  }
}
