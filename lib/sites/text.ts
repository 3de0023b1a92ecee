/** Collapses whitespace and trims: page text arrives with the markup's line breaks and indentation. */
export function normalizeSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of an element without the `<span class="descriptor">Title:</span>`-style labels sites put inside. */
export function textWithoutDescriptor(el: Element | null, descriptorSelector = '.descriptor'): string {
  if (!el) return '';
  let text = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 1 && (node as Element).matches(descriptorSelector)) continue;
    text += node.textContent ?? '';
  }
  return normalizeSpace(text);
}

const NEW_STYLE_ARXIV_ID = /(?:^|[^\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])/;
const OLD_STYLE_ARXIV_ID = /\b([a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?\b/i;

/** Canonical arXiv id (no version, old-style ids lower-cased) found in a string such as an href, or null. */
export function parseArxivId(text: string | null | undefined): string | null {
  if (!text) return null;
  const modern = NEW_STYLE_ARXIV_ID.exec(text);
  if (modern?.[1]) return modern[1];
  const old = OLD_STYLE_ARXIV_ID.exec(text);
  return old?.[1] ? old[1].toLowerCase() : null;
}
