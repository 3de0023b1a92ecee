import type { SiteAdapter } from './types';

// PLACEHOLDER until this site's adapter lands: matches nothing, detects nothing.
export const pmlr: SiteAdapter = {
  id: 'pmlr',
  name: 'PMLR (Proceedings of Machine Learning Research)',
  matches: [],
  exampleUrls: [],
  detect: () => [],
};
