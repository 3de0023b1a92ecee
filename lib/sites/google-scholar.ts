import type { SiteAdapter } from './types';

// PLACEHOLDER until this site's adapter lands: matches nothing, detects nothing.
export const googleScholar: SiteAdapter = {
  id: 'google-scholar',
  name: 'Google Scholar',
  matches: [],
  exampleUrls: [],
  detect: () => [],
};
