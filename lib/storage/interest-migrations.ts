/**
 * Storage migrations of the interests list, one per version, append-only: a shipped step is never edited.
 * Each takes the stored value of the previous version and returns the next; unknown shapes pass through
 * untouched (readInterests validates and sets aside what it cannot read).
 */

/**
 * v1 → v2: queries became the query language. A v1 query was a comma-separated list of keywords and phrases
 * ("reward model, RL"); in the language a comma still means OR, but an unquoted multi-word item would mean
 * AND of its words, so each multi-word item is quoted to stay a phrase.
 */
export function migrateInterestsV2(old: unknown): unknown {
  if (!Array.isArray(old)) return old;
  return old.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || typeof (item as { query?: unknown }).query !== 'string') {
      return item;
    }
    const query = (item as { query: string }).query
      .split(',')
      .map((t) =>
        t
          .trim()
          .replace(/^"(.*)"$/, '$1')
          .replace(/"/g, ''),
      )
      .filter(Boolean)
      .map((t) => (/\s/.test(t) ? `"${t}"` : t))
      .join(', ');
    return { ...item, query };
  });
}
