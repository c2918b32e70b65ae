/**
 * What a test file started (a local stack, a browser, a server) and how to stop each, so that
 * `afterAll` stops exactly what is running, even when `beforeAll` failed half-way.
 */
export class Started {
  private readonly stops: Array<() => Promise<unknown>> = [];

  /** Waits for `starting`, and from the moment it has started, remembers how to stop it. */
  async track<T>(starting: Promise<T>, stop: (started: T) => unknown): Promise<T> {
    const started = await starting;
    this.stops.push(async () => stop(started));
    return started;
  }

  /**
   * Starts several things at once. Unlike `Promise.all`, it settles only when every start has
   * settled, so a failure (say, the browser does not launch) never returns while another start is
   * still under way and would finish after `afterAll` ran; then it throws the first failure.
   */
  async all<T extends readonly unknown[]>(starts: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
    const settled = await Promise.allSettled(starts);
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
  }

  /** Stops everything started, the last started first; every stop runs even if one throws. */
  async stopAll(): Promise<void> {
    const failures: unknown[] = [];
    for (const stop of this.stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, 'several stops failed');
  }
}
