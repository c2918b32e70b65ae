/**
 * Polls until `check` stops throwing (the stream is processed asynchronously by the local stack's
 * poller), then returns its result; after `timeoutMs` the last failure is thrown. Not a timing
 * assertion: the timeout only bounds how long a broken build waits.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((done) => setTimeout(done, 200));
    }
  }
}
