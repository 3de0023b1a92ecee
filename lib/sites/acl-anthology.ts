import type { SiteAdapter } from './types';

// PLACEHOLDER until this site's adapter lands: matches nothing, detects nothing.
export const aclAnthology: SiteAdapter = {
  id: 'acl-anthology',
  name: 'ACL Anthology',
  matches: [],
  exampleUrls: [],
  detect: () => [],
};
