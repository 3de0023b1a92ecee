/** Below this share of the entries a page's structure suggests, detection is called incomplete. */
export const TOO_FEW_RATIO = 0.5;

/**
 * Whether to tell the user that detection probably broke ("the site's layout may have changed"): a settled,
 * supported page with no entries, or with far fewer than the adapter's independent estimate.
 */
export function layoutWarning(found: number, expected: number | undefined, settled: boolean) {
  if (!settled) return undefined;
  if (found === 0) return 'no-entries' as const;
  if (expected !== undefined && found < expected * TOO_FEW_RATIO) return 'too-few' as const;
  return undefined;
}
