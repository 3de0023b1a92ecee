import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../lib/content/run';
import { allMatchPatterns } from '../lib/sites/find-adapter';

export default defineContentScript({
  matches: allMatchPatterns(),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx),
});
