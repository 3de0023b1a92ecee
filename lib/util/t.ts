import { i18n } from '#i18n';

type GetMessage = (name: string, substitutions?: string | string[]) => string;

/** The extension's getMessage, or undefined where there is none (plain Node: benches, `npm run eval:ranker`). */
function getMessage(): GetMessage | undefined {
  const g = globalThis as {
    browser?: { i18n?: { getMessage?: GetMessage } };
    chrome?: { i18n?: { getMessage?: GetMessage } };
  };
  return g.browser?.i18n?.getMessage ?? g.chrome?.i18n?.getMessage;
}

/**
 * `i18n.t` for code in lib/ that also runs outside the extension: there, with no `browser.i18n` to ask, it
 * returns the key itself (never throws), so a bench still reports which message it would have shown.
 */
export const t: typeof i18n.t = ((...args: Parameters<typeof i18n.t>) => {
  if (!getMessage()) return args[0];
  try {
    return (i18n.t as (...a: unknown[]) => string)(...args);
  } catch {
    return args[0];
  }
}) as typeof i18n.t;
