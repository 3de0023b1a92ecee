import type { Browser } from 'wxt/browser';
import { EnvelopeSchema, protocol, type MessageType, type Reply, type RequestOf, type ResponseOf } from './protocol';

export type Handlers = {
  [T in MessageType]: (data: RequestOf<T>, sender: Browser.runtime.MessageSender) => Promise<ResponseOf<T>>;
};

/**
 * Builds the background's `runtime.onMessage` listener: it validates every envelope and payload, calls the
 * handler and always answers with a `Reply`, so a sender sees a clear error instead of `undefined`.
 * Messages that are not Paperlight's get no answer (`undefined`), leaving them to other listeners.
 */
export function createRouter(handlers: Handlers) {
  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply> | undefined => {
    const envelope = EnvelopeSchema.safeParse(message);
    if (!envelope.success) return undefined;
    const { type, data } = envelope.data;
    return (async (): Promise<Reply> => {
      try {
        const request = protocol[type].request.parse(data);
        const handler = handlers[type] as (d: unknown, s: Browser.runtime.MessageSender) => Promise<unknown>;
        const response = protocol[type].response.parse(await handler(request, sender));
        return { ok: true, data: response };
      } catch (error) {
        return { ok: false, error: `${type}: ${error instanceof Error ? error.message : String(error)}` };
      }
    })();
  };
}
