import type { SiteAdapter } from './types';

// PLACEHOLDER until this site's adapter lands: matches nothing, detects nothing.
export const openReview: SiteAdapter = {
  id: 'openreview',
  name: 'OpenReview',
  matches: [],
  exampleUrls: [],
  detect: () => [],
};
