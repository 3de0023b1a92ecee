import { browser } from 'wxt/browser';
import { protocol, ReplySchema, type MessageType, type RequestOf, type ResponseOf } from './protocol';

/** Sends one protocol message to the background and returns its validated answer (throws on error). */
export async function sendMessage<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  const request = protocol[type].request.parse(data);
  const raw: unknown = await browser.runtime.sendMessage({ paperlight: 1, type, data: request });
  const reply = ReplySchema.parse(raw);
  if (!reply.ok) throw new Error(`Paperlight background: ${reply.error}`);
  return protocol[type].response.parse(reply.data) as ResponseOf<T>;
}
