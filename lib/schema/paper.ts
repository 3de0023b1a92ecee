import { z } from './zod';

/** Signals some sites show beside a paper (Hugging Face upvotes, comments, code, the submitting organisation). */
export const SiteSignalsSchema = z.object({
  upvotes: z.number().int().nonnegative().optional(),
  comments: z.number().int().nonnegative().optional(),
  githubRepo: z.string().max(500).optional(),
  githubStars: z.number().int().nonnegative().optional(),
  organization: z.string().max(200).optional(),
  citations: z.number().int().nonnegative().optional(),
});
export type SiteSignals = z.infer<typeof SiteSignalsSchema>;

/** A paper as the content script reports it: only what the page itself shows, never the user's data. */
export const PaperEntrySchema = z.object({
  /**
   * Canonical id: the arXiv id without version (`2505.00001`, old style lower-cased `hep-th/9901001`); else
   * `doi:<doi, lower-cased>`; else `<site>:<the site's own id>` (e.g. `openreview:AbC123`, `acl:2021.naacl-main.208`).
   */
  id: z.string().min(1).max(300),
  /** The adapter (site) id that found it. */
  source: z.string().min(1).max(60),
  /** The paper's page on that site (absolute). */
  url: z.string().max(2000),
  /** Plain text: whitespace and TeX-ish markup normalised, "Title:" prefixes stripped. */
  title: z.string().min(1).max(20_000),
  authors: z.array(z.string().max(500)).max(5000),
  abstract: z.string().max(50_000).optional(),
  /** Subject categories as shown (arXiv codes such as `cs.CL`, or a site's subject labels). */
  categories: z.array(z.string().max(200)).max(100).optional(),
  /** Venue as shown ("NeurIPS 2024", "ACL 2021 Long Papers", "JMLR W&CP 235"). */
  venue: z.string().max(500).optional(),
  /** Date as shown, in ISO form at the precision shown: `2025-05-01`, `2025-05` or `2025`. */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  /** The DOI when the page shows one (lower-cased), also when the id is an arXiv id. */
  doi: z.string().max(300).optional(),
  /** The arXiv id when the page shows one, also when the site has its own id. */
  arxivId: z.string().max(40).optional(),
  pdfUrl: z.string().max(2000).optional(),
  signals: SiteSignalsSchema.optional(),
});
export type PaperEntry = z.infer<typeof PaperEntrySchema>;

/** A detected entry: the paper plus the page elements the annotator decorates (never sent over messages). */
export interface DetectedEntry {
  paper: PaperEntry;
  /** The element that holds the entry (carries `data-paperlight-entry`). */
  root: HTMLElement;
  /** Where the annotation goes: just before this element inside `root` (default: `root`'s first child). */
  anchor?: Element;
  /** Every top-level element of the entry in page order, when it is more than `root` (arXiv's dt + dd). */
  parts?: HTMLElement[];
}
