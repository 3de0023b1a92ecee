import { browser } from 'wxt/browser';
import type { FocusPush, MessageType, PaintPush, RequestOf, ResponseOf } from './protocol';

// The content script's side of the protocol, without zod (the content script must stay under 40 KB gzipped,
// and zod alone is more than that). Nothing is lost: the background validates every request it receives and
// every answer it sends against the protocol's schemas (see router.ts), and the browser lets only this
// extension's own pages answer or push to its content scripts. Page data never reaches this code unchecked:
// it goes out as entries, which the background validates.

/** Sends one protocol message to the background; resolves with its answer or throws its error. */
export async function ask<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage({ paperlight: 1, type, data })) as unknown;
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new Error(`Paperlight background: no answer to ${type}`);
  }
  if (reply.ok !== true) throw new Error(`Paperlight background: ${String((reply as { error?: unknown }).error)}`);
  return (reply as unknown as { data: ResponseOf<T> }).data;
}

/** The pushed re-score in `message`, if it is one (only this extension's background can send it). */
export function asPaintPush(message: unknown): PaintPush | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as { paperlight?: unknown; type?: unknown; data?: Partial<PaintPush> };
  const d = m.data;
  const ok =
    m.paperlight === 1 &&
    m.type === 'paint' &&
    typeof d?.url === 'string' &&
    Array.isArray(d.results) &&
    Array.isArray(d.saved) &&
    typeof d.feedback === 'object' &&
    d.feedback !== null;
  return ok ? (d as PaintPush) : null;
}

/** The popup's request to show a paper of the page, if `message` is one. */
export function asFocusPush(message: unknown): FocusPush | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as { paperlight?: unknown; type?: unknown; data?: { id?: unknown } };
  return m.paperlight === 1 && m.type === 'focus' && typeof m.data?.id === 'string' ? { id: m.data.id } : null;
}
