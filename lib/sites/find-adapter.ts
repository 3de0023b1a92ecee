import { MatchPattern } from 'wxt/utils/match-patterns';
import { adapters } from './index';
import type { SiteAdapter } from './types';

const compiled = adapters.map((adapter) => ({
  adapter,
  patterns: adapter.matches.map((m) => new MatchPattern(m)),
}));

/** The adapter for a page URL, or null when Paperlight does not support that page. */
export function findAdapter(href: string): SiteAdapter | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  for (const { adapter, patterns } of compiled) {
    if (patterns.some((p) => p.includes(url.href)) && (adapter.accepts?.(url) ?? true)) return adapter;
  }
  return null;
}

/** All match patterns of all adapters: the manifest's content-script matches and host permissions. */
export function allMatchPatterns(): string[] {
  return [...new Set(adapters.flatMap((a) => a.matches))];
}
