/**
 * Resolves in a new task, after the tasks already queued (a message to answer, a timer). A message on a
 * `MessageChannel` rather than `setTimeout(0)`, which browsers stretch to 4 ms once timeouts nest, and rather than
 * `scheduler.yield()`, whose continuation goes ahead of the tasks already queued: the point is to let them run.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
