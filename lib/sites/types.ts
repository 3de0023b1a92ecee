import type { DetectedEntry } from '../schema/paper';

/** A site adapter: a cheap URL match first, then `detect`, which reads the page and never changes it. */
export interface SiteAdapter {
  /** Same as the file name, e.g. `arxiv-listing`. */
  id: string;
  /** Human name shown in the popup ("arXiv listings"). */
  name: string;
  /** Match patterns; the manifest's content-script matches and host permissions are generated from these. */
  matches: string[];
  /** URLs this adapter must accept and every other adapter must reject (tested both ways). */
  exampleUrls: string[];
  /** Finer URL check after the match patterns (e.g. `/papers` but not `/papers/submit`). */
  accepts?(url: URL): boolean;
  detect(doc: Document, url: URL): DetectedEntry[];
}
