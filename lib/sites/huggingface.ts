import { z } from '../schema/zod';
import type { DetectedEntry, PaperEntry } from '../schema/paper';
import type { SiteAdapter } from './types';
import { normalizeSpace, parseArxivId } from './text';

// NOTE: the server renders each listing with its data in the `data-props` JSON of the element whose
// `data-target="DailyPapers"` (attribute order varies, so select by attribute), and the visible cards as
// `<article>` elements whose `h3 > a[href="/papers/<arxiv id>"]` is the title link. Cards show at most five
// author avatars and no abstract, so the JSON is the complete source and the cards the fallback.

const DailyPapersPropsSchema = z.object({
  dailyPapers: z.array(
    z.object({
      title: z.string().optional(),
      summary: z.string().optional(),
      paper: z.object({
        id: z.string(),
        title: z.string().optional(),
        summary: z.string().optional(),
        authors: z.array(z.object({ name: z.string() })).optional(),
      }),
    }),
  ),
});

function readEmbeddedPapers(doc: Document): Map<string, Omit<PaperEntry, 'source' | 'url'>> {
  const byId = new Map<string, Omit<PaperEntry, 'source' | 'url'>>();
  const holder = doc.querySelector('[data-target="DailyPapers"][data-props]');
  if (!holder) return byId;
  let raw: unknown;
  try {
    raw = JSON.parse(holder.getAttribute('data-props') ?? '');
  } catch {
    return byId; // changed or truncated JSON: the cards still work
  }
  const parsed = DailyPapersPropsSchema.safeParse(raw);
  if (!parsed.success) return byId;
  for (const item of parsed.data.dailyPapers) {
    const id = parseArxivId(item.paper.id);
    const title = normalizeSpace(item.paper.title ?? item.title);
    if (!id || !title) continue;
    const abstract = normalizeSpace(item.paper.summary ?? item.summary);
    byId.set(id, {
      id,
      title,
      authors: (item.paper.authors ?? []).map((a) => normalizeSpace(a.name)).filter(Boolean),
      ...(abstract ? { abstract } : {}),
    });
  }
  return byId;
}

function detect(doc: Document, url: URL): DetectedEntry[] {
  const embedded = readEmbeddedPapers(doc);
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  for (const link of Array.from(doc.querySelectorAll<HTMLAnchorElement>('article h3 a[href^="/papers/"]'))) {
    const id = parseArxivId(link.getAttribute('href'));
    const root = link.closest('article');
    if (!id || !root || seen.has(id)) continue;
    seen.add(id);
    const fromJson = embedded.get(id);
    const fromCard = {
      id,
      title: normalizeSpace(link.textContent),
      authors: Array.from(root.querySelectorAll('li[title]'), (li) => normalizeSpace(li.getAttribute('title'))),
    };
    const fields = fromJson ?? fromCard;
    if (!fields.title) continue;
    entries.push({
      paper: { ...fields, source: 'huggingface', url: new URL(`/papers/${id}`, url).href },
      root,
      // Above the title, not above the card's thumbnail: the strip reads as the title's label.
      anchor: link.closest('h3') ?? undefined,
    });
  }
  return entries;
}

export const huggingface: SiteAdapter = {
  id: 'huggingface',
  name: 'Hugging Face Papers',
  matches: ['https://huggingface.co/papers*'],
  exampleUrls: ['https://huggingface.co/papers', 'https://huggingface.co/papers/date/2026-09-28'],
  detect,
};
