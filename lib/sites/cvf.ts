import type { SiteAdapter } from './types';

// PLACEHOLDER until this site's adapter lands: matches nothing, detects nothing.
export const cvf: SiteAdapter = {
  id: 'cvf',
  name: 'CVF Open Access',
  matches: [],
  exampleUrls: [],
  detect: () => [],
};
