import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config.js';

const base = { TABLE_NAME: 'roster' };

describe('the logging settings', () => {
  it('default to info with no debug sampling', () => {
    expect(loadConfig(base)).toMatchObject({ LOG_LEVEL: 'info', LOG_DEBUG_SAMPLE_RATE: 0 });
  });

  it('take a debug sample rate between 0 and 1', () => {
    expect(loadConfig({ ...base, LOG_DEBUG_SAMPLE_RATE: '0.05' }).LOG_DEBUG_SAMPLE_RATE).toBe(0.05);
    expect(() => loadConfig({ ...base, LOG_DEBUG_SAMPLE_RATE: '1.5' })).toThrowError(/LOG_DEBUG_SAMPLE_RATE/);
  });
});
