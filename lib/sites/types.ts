import type { DetectedEntry } from '../schema/paper';

/** What `detect` may use besides the page: lets a rescan skip the entries already done. */
export interface DetectOptions {
  /** True for entry roots already detected on an earlier pass: `detect` may skip them without reading. */
  isKnown?: (root: Element) => boolean;
}

/** A site adapter: a cheap URL match first, then `detect`, which reads the page and never changes it. */
export interface SiteAdapter {
  /** Same as the file name, e.g. `arxiv`. */
  id: string;
  /** Human name shown in the popup ("arXiv"). */
  name: string;
  /** Match patterns; the manifest's content-script matches and host permissions are generated from these. */
  matches: string[];
  /** URLs this adapter must accept and every other adapter must reject (tested both ways). */
  exampleUrls: string[];
  /** Finer URL check after the match patterns (e.g. `/papers` but not `/papers/submit`). */
  accepts?(url: URL): boolean;
  /**
   * Reads every paper entry on the page, in page order, one entry per paper (a paper shown twice is one entry,
   * the first). Never changes the DOM; returns `[]` when nothing is there.
   */
  detect(doc: Document, url: URL, options?: DetectOptions): DetectedEntry[];
  /**
   * A cheap second opinion on how many entries the page holds, from a signal independent of `detect`'s
   * (e.g. the number of distinct paper links). When `detect` finds far fewer, the user is told the layout may
   * have changed.
   */
  expectedCount?(doc: Document, url: URL): number;
  /** True when the site renders entries by script after load (SPA): the page is watched for new entries. */
  dynamic?: boolean;
}
