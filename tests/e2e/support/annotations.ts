// Checks shared by the Chromium (Playwright) and Firefox (puppeteer) harnesses. The page-side functions are
// serialised into the page by both drivers, so they must not use anything from their module scope.

/** In the page: how many entries Paperlight marked and how many of them hold their annotation host. */
export function annotationCounts(): { marked: number; hosts: number } {
  return {
    marked: document.querySelectorAll('[data-paperlight-entry]').length,
    hosts: document.querySelectorAll('[data-paperlight-entry] paperlight-annotation').length,
  };
}

/** In the page: whether exactly `count` entries are marked and annotated. */
export function allAnnotated(count: number): boolean {
  return (
    document.querySelectorAll('[data-paperlight-entry]').length === count &&
    document.querySelectorAll('[data-paperlight-entry] paperlight-annotation').length === count
  );
}

/** The error a test fails with when the page was not annotated in time, saying what was found. */
export function notAnnotatedError(
  count: number,
  url: string,
  timeout: number,
  found: { marked: number; hosts: number } | null,
  cause: unknown,
): Error {
  const seen = found ? `${found.marked} marked, ${found.hosts} with an annotation` : 'the page is gone';
  return new Error(`Paperlight did not annotate ${count} entries on ${url} within ${timeout} ms (${seen})`, { cause });
}

/**
 * In the page: whether the scores have been drawn. Rows go in first (☆ only) while the background scores; the
 * floating control appears once every row shows its score, so its presence says the page is fully annotated.
 */
export function scoresDrawn(): boolean {
  return document.querySelector('paperlight-control') !== null;
}
