import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../lib/content/run';
import { allMatchPatterns } from '../lib/sites/find-adapter';

export default defineContentScript({
  matches: allMatchPatterns(),
  // document_start: the term-highlight styles go in while the page is small (see TermHighlighter); the
  // session waits for the document to be parsed before it looks for papers.
  runAt: 'document_start',
  main: (ctx) => runContentScript(ctx),
});
