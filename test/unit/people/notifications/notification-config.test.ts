import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../shared/config.js';

const base = { TABLE_NAME: 'roster' };

describe('notification timing configuration', () => {
  it('debounces for 60 s and waits at most 15 minutes by default', () => {
    expect(loadConfig(base)).toMatchObject({ NOTIFY_DEBOUNCE_SECONDS: 60, NOTIFY_MAX_WAIT_SECONDS: 900 });
    expect(loadConfig({ ...base, NOTIFY_DEBOUNCE_SECONDS: '5', NOTIFY_MAX_WAIT_SECONDS: '5' })).toMatchObject({ NOTIFY_DEBOUNCE_SECONDS: 5, NOTIFY_MAX_WAIT_SECONDS: 5 });
  });

  it('refuses a negative or fractional debounce, and a maximum wait shorter than the debounce', () => {
    expect(() => loadConfig({ ...base, NOTIFY_DEBOUNCE_SECONDS: '-1' })).toThrow(/NOTIFY_DEBOUNCE_SECONDS/);
    expect(() => loadConfig({ ...base, NOTIFY_DEBOUNCE_SECONDS: '1.5' })).toThrow(/NOTIFY_DEBOUNCE_SECONDS/);
    expect(() => loadConfig({ ...base, NOTIFY_DEBOUNCE_SECONDS: '120', NOTIFY_MAX_WAIT_SECONDS: '60' })).toThrow(/NOTIFY_MAX_WAIT_SECONDS/);
  });
});
