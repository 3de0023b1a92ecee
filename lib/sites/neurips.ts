import type { SiteAdapter } from './types';

// PLACEHOLDER until this site's adapter lands: matches nothing, detects nothing.
export const neurips: SiteAdapter = {
  id: 'neurips',
  name: 'NeurIPS Proceedings',
  matches: [],
  exampleUrls: [],
  detect: () => [],
};
