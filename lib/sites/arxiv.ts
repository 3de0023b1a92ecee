import type { DetectedEntry } from '../schema/paper';
import type { SiteAdapter } from './types';
import { normalizeSpace, parseArxivId, textWithoutDescriptor } from './text';

// NOTE: listings are `dl#articles` (one per section on /new) of `<dt>` (number, abs/pdf links, the id in
// `a[title="Abstract"]`) followed by its `<dd>` (div.meta: .list-title, .list-authors, .list-subjects, and
// on /new the abstract in p.mathjax). The dd holds what a reader reads, so it is the entry's root.

const CATEGORY_CODE = /\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/g;

function detect(doc: Document, url: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  for (const dt of Array.from(doc.querySelectorAll('dl#articles > dt, dl > dt'))) {
    // Tag names, not `instanceof`: the document may come from another realm (a parser, a frame).
    const dd = dt.nextElementSibling as HTMLElement | null;
    if (dd?.tagName !== 'DD') continue;
    const absLink = dt.querySelector('a[title="Abstract"], a[href*="/abs/"]');
    const id = parseArxivId(absLink?.getAttribute('href') ?? absLink?.textContent);
    const title = textWithoutDescriptor(dd.querySelector('.list-title'));
    if (!id || !title || seen.has(id)) continue;
    seen.add(id);
    const abstract = normalizeSpace(dd.querySelector('p.mathjax')?.textContent);
    const subjects = dd.querySelector('.list-subjects')?.textContent ?? '';
    entries.push({
      paper: {
        id,
        source: 'arxiv',
        url: new URL(`/abs/${id}`, url).href,
        title,
        authors: Array.from(dd.querySelectorAll('.list-authors a'), (a) => normalizeSpace(a.textContent)),
        ...(abstract ? { abstract } : {}),
        categories: Array.from(subjects.matchAll(CATEGORY_CODE), (m) => m[1] ?? '').filter(Boolean),
      },
      root: dd,
    });
  }
  return entries;
}

export const arxiv: SiteAdapter = {
  id: 'arxiv',
  name: 'arXiv listings',
  matches: ['https://arxiv.org/list/*'],
  exampleUrls: ['https://arxiv.org/list/cs.CL/new', 'https://arxiv.org/list/cs.LG/2025-05?skip=0&show=50'],
  detect,
};
