import { describe, expect, it } from 'vitest';
import { Started } from '../../support/started.js';

/** A start that the test finishes by hand, recording whether what it started was stopped. */
function manualStart(name: string) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const thing = { name, stopped: false };
  const starting = new Promise<typeof thing>((resolve, reject) => {
    finish = () => resolve(thing);
    fail = reject;
  });
  return { thing, starting, finish, fail };
}

describe('Started (what an e2e file started, stopped by afterAll)', () => {
  it('stops a stack that finishes starting after the browser failed to launch', async () => {
    const started = new Started();
    const stack = manualStart('stack');
    const browser = manualStart('browser');
    const all = started.all([
      started.track(stack.starting, (running) => (running.stopped = true)),
      started.track(browser.starting, (running) => (running.stopped = true)),
    ]);
    let settled = false;
    all.then(
      () => (settled = true),
      () => (settled = true),
    );
    browser.fail(new Error('chromium did not launch'));
    await new Promise((done) => setImmediate(done));
    // With Promise.all the failure would be out now: afterAll would find nothing to stop, and the
    // stack would finish starting afterwards and run on.
    expect(settled, 'still waiting for the stack').toBe(false);
    stack.finish();
    await expect(all).rejects.toThrow('chromium did not launch');
    await started.stopAll();
    expect(stack.thing.stopped).toBe(true);
  });

  it('returns what started, in order, and stops it all in reverse order of starting', async () => {
    const started = new Started();
    const stopped: string[] = [];
    const [first, second] = await started.all([
      started.track(Promise.resolve('stack'), (name) => stopped.push(name)),
      started.track(Promise.resolve('callback'), (name) => stopped.push(name)),
    ]);
    expect([first, second]).toEqual(['stack', 'callback']);
    await started.stopAll();
    expect(stopped).toEqual(['callback', 'stack']);
  });

  it('runs every stop even when one throws, then reports the failure', async () => {
    const started = new Started();
    const stopped: string[] = [];
    await started.track(Promise.resolve('stack'), (name) => stopped.push(name));
    await started.track(Promise.resolve('browser'), () => {
      throw new Error('browser would not close');
    });
    await expect(started.stopAll()).rejects.toThrow('browser would not close');
    expect(stopped).toEqual(['stack']);
  });
});
