import { arxivListing } from './arxiv-listing';
import { huggingfacePapers } from './huggingface-papers';
import type { SiteAdapter } from './types';

/** Every supported site, in the order they are tried. */
export const adapters: readonly SiteAdapter[] = [huggingfacePapers, arxivListing];
