import { describe, expect, it } from 'vitest';
import { flag, InvalidValue, list, oneOf, optional, readAll, text, url, wholeNumber } from '../../shared/env-values.js';

const refusal = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (error instanceof InvalidValue) return error.message;
    throw error;
  }
  throw new Error('expected the value to be refused');
};

describe('environment readers', () => {
  it('use the fallback when the variable is unset, and only then', () => {
    expect(text({ fallback: 'local' })(undefined)).toBe('local');
    expect(url('http://localhost:3000')(undefined)).toBe('http://localhost:3000');
    expect(oneOf(['info', 'debug'], 'info')(undefined)).toBe('info');
    expect(flag(true)(undefined)).toBe(true);
    expect(wholeNumber(0, 300, 15)(undefined)).toBe(15);
    expect(list(['a'])(undefined)).toEqual(['a']);
    expect(optional(url())(undefined)).toBeUndefined();
    expect(refusal(() => text({ min: 1 })(undefined))).toBe('is required');
    expect(refusal(() => text({ min: 1, fallback: 'x' })(''))).toBe('must have at least 1 character');
  });

  it.each([
    ['a URL, trimmed', url(), ' https://example.com/a\t ', 'https://example.com/a'],
    ['a flag', flag(false), 'true', true],
    ['a whole number, as Number() reads it', wholeNumber(0, 300, 15), ' 12 ', 12],
    ['a list, entries trimmed and empty ones dropped', list(), ' 1.1.1.1, ,8.8.8.8:53', ['1.1.1.1', '8.8.8.8:53']],
    ['a string matching its pattern', text({ pattern: [/^[0-9a-f]{4}$/, 'must be 4 hex digits'] }), 'beef', 'beef'],
  ])('read %s', (_case, read, raw, value) => {
    expect((read as (raw: string) => unknown)(raw)).toEqual(value);
  });

  it.each([
    ['not a URL', () => url()('not a url'), 'must be a URL'],
    ['a flag spelt otherwise', () => flag(false)('yes'), 'must be one of true, false'],
    ['a fraction', () => wholeNumber(0, 300, 15)('1.5'), 'must be a whole number from 0 to 300'],
    ['a number out of range', () => wholeNumber(1, 300, 15)('0'), 'must be a whole number from 1 to 300'],
    ['a string too long', () => text({ max: 3 })('abcd'), 'must have at most 3 characters'],
    ['a string off its pattern', () => text({ pattern: [/^[0-9a-f]{4}$/, 'must be 4 hex digits'] })('BEEF'), 'must be 4 hex digits'],
  ])('refuse %s', (_case, read, message) => {
    expect(refusal(read)).toBe(message);
  });

  it('name every refused variable at once', () => {
    const readers = { A: text({ min: 1 }), B: wholeNumber(1, 9, 5), C: flag(false) };
    expect(readAll(readers, { A: 'a' })).toEqual({ A: 'a', B: 5, C: false });
    expect(refusal(() => readAll(readers, { B: '10', C: 'no' }))).toBe('A: is required; B: must be a whole number from 1 to 9; C: must be one of true, false');
  });
});
