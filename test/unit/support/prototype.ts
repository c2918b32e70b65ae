import { afterEach, expect } from 'vitest';

/** Fails the test if anything it ran left a `polluted` property on Object.prototype (and cleans it up). */
export function guardObjectPrototype(): void {
  afterEach(() => {
    const polluted = 'polluted' in Object.prototype;
    delete (Object.prototype as Record<string, unknown>).polluted;
    expect(polluted, 'Object.prototype was polluted').toBe(false);
  });
}
