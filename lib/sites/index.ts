import { aclAnthology } from './acl-anthology';
import { arxiv } from './arxiv';
import { cvf } from './cvf';
import { dblp } from './dblp';
import { googleScholar } from './google-scholar';
import { huggingface } from './huggingface';
import { neurips } from './neurips';
import { openReview } from './openreview';
import { pmlr } from './pmlr';
import type { SiteAdapter } from './types';

/** Every supported site, in the order they are tried. */
export const adapters: readonly SiteAdapter[] = [
  huggingface,
  arxiv,
  openReview,
  dblp,
  aclAnthology,
  pmlr,
  neurips,
  cvf,
  googleScholar,
];
