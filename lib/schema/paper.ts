import { z } from './zod';

/** A paper as the content script reports it: only what the page itself shows, never the user's data. */
export const PaperEntrySchema = z.object({
  /** Canonical id: arXiv id without version (`2505.00001`, `hep-th/9901001`), else DOI, else `site:id`. */
  id: z.string().min(1).max(300),
  /** The adapter (site) id that found it. */
  source: z.string().min(1).max(60),
  url: z.string().max(2000),
  title: z.string().min(1).max(20_000),
  authors: z.array(z.string().max(500)).max(5000),
  abstract: z.string().max(50_000).optional(),
  categories: z.array(z.string().max(200)).max(100).optional(),
});
export type PaperEntry = z.infer<typeof PaperEntrySchema>;

/** A detected entry: the paper plus the page element the annotator decorates (never sent over messages). */
export interface DetectedEntry {
  paper: PaperEntry;
  root: HTMLElement;
  /** Where the annotation goes: just before this element inside `root` (default: `root`'s first child). */
  anchor?: Element;
}
