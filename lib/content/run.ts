import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging/client';
import { findAdapter } from '../sites/find-adapter';
import { annotate, removeAnnotations } from './annotate';

/** Detects the papers on this page, has the background score them, and annotates the page. */
export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  const adapter = findAdapter(location.href);
  if (!adapter) return;
  const entries = adapter.detect(document, new URL(location.href));
  ctx.onInvalidated(() => removeAnnotations());
  const { results } = await sendMessage('reportEntries', {
    url: location.href,
    adapterId: adapter.id,
    entries: entries.map((e) => e.paper),
  });
  if (ctx.isInvalid) return;
  annotate(entries, results);
}
