import type { SiteAdapter } from './types';

// PLACEHOLDER until this site's adapter lands: matches nothing, detects nothing.
export const dblp: SiteAdapter = {
  id: 'dblp',
  name: 'dblp',
  matches: [],
  exampleUrls: [],
  detect: () => [],
};
