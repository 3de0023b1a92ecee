/** arXiv ids as the adapters store them: new style (2405.01234) or old style (hep-th/9901001, math.GT/0309136). */
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Za-z]{2})?\/\d{7})$/;

/** Where a saved paper can be opened: arXiv and Hugging Face Papers (from its arXiv id), and the page it was saved from. */
export interface PaperLinks {
  arxiv?: string;
  huggingface?: string;
  /** The paper's page on the site it was saved from, when that is not one of the two above. */
  site?: string;
}

/** Only http(s) pages: a hostile import must not get a `javascript:` link into the view. */
function webUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

/** The links of a saved paper (`arxivId` from the paper, or its id when that is an arXiv id). */
export function paperLinks(paper: { id: string; url: string; arxivId?: string }): PaperLinks {
  const id = [paper.arxivId, paper.id].find((x) => x !== undefined && ARXIV_ID.test(x));
  const links: PaperLinks = {};
  if (id) {
    links.arxiv = `https://arxiv.org/abs/${id}`;
    links.huggingface = `https://huggingface.co/papers/${id}`;
  }
  const site = webUrl(paper.url);
  // The arXiv and Hugging Face links already open arXiv and HF pages: the site link is for the other sites.
  const host = site?.hostname.replace(/^www\./, '');
  if (site && !(id && (host === 'arxiv.org' || host === 'huggingface.co'))) links.site = site.href;
  return links;
}

/** The host a link opens, for its label ("openreview.net"). */
export function linkHost(url: string): string {
  return webUrl(url)?.hostname.replace(/^www\./, '') ?? url;
}
