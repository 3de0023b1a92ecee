// Small helpers the popup and the full view share.

/** Starts a download of `text` as `name` (an anchor with `download`: no permission needed). */
export function downloadText(text: string, name: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the browser may still be reading the blob for the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** An error as a sentence for the user: the message, without the router's "Paperlight background: <type>:" prefix. */
export function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/^Paperlight background: \w+: /, '');
}

/** The host name of an http(s) address ("arxiv.org"), or null for anything else (no tab, about:, chrome:). */
export function hostOf(url: string | undefined): string | null {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.hostname : null;
  } catch {
    return null;
  }
}
