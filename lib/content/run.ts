import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageSession } from './page-session';

/** Detects the papers on this page, has the background score them, annotates the page, and keeps up. */
export function runContentScript(ctx: ContentScriptContext): Promise<void> {
  return new PageSession(ctx).start();
}
