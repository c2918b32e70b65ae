import { describe, expect, it } from 'vitest';
import { invalidValue, RosterError } from '../../../shared/errors.js';
import { toRosterError } from '../../../shared/http/to-roster-error.js';

const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${name} happened`), { name, ...extra });
const withCode = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:8000`), { code });

describe('toRosterError', () => {
  it('passes a RosterError through as expected', () => {
    const error = invalidValue('bad');
    expect(toRosterError(error)).toEqual({ error, unexpected: false });
  });

  describe('throttling → 429 with an integer Retry-After (Okta waits and retries)', () => {
    it.each([
      ['ProvisionedThroughputExceededException', named('ProvisionedThroughputExceededException')],
      ['ThrottlingException', named('ThrottlingException')],
      ['RequestLimitExceeded', named('RequestLimitExceeded')],
      ['LimitExceededException', named('LimitExceededException')],
      ['a throttled transaction', named('TransactionCanceledException', { CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }] })],
      ['a plain object from another realm', { name: 'ThrottlingException' }],
    ])('%s', (_label, thrown) => {
      const { error, unexpected } = toRosterError(thrown);
      expect(unexpected).toBe(false);
      expect(error.status).toBe(429);
      expect(error.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(error.cause).toBe(thrown);
      expect(error.detail).not.toContain('happened');
    });
  });

  describe('an unreachable or failing store → 503 with Retry-After', () => {
    it.each<[string, unknown]>([
      ['ServiceUnavailable', named('ServiceUnavailable')],
      ['InternalServerError', named('InternalServerError')],
      ['TimeoutError', named('TimeoutError')],
      ...['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'].map((code): [string, unknown] => [code, withCode(code)]),
      ['ECONNREFUSED on an AggregateError (Node 20 happy eyeballs)', Object.assign(new AggregateError([withCode('ECONNREFUSED')]), { code: 'ECONNREFUSED' })],
    ])('%s', (_label, thrown) => {
      const { error, unexpected } = toRosterError(thrown);
      expect(unexpected).toBe(true);
      expect(error.status).toBe(503);
      expect(error.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(error.detail).not.toMatch(/127\.0\.0\.1|happened/);
    });
  });

  describe('anything else → 500 without details', () => {
    it.each([
      ['an Error', new Error('SELECT * FROM secrets failed for jane@example.com')],
      ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'x')")],
      ['a cancelled transaction for another reason', named('TransactionCanceledException', { CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] })],
      ['a cancelled transaction with odd reasons', named('TransactionCanceledException', { CancellationReasons: [null, 'ThrottlingError'] })],
      ['a conditional check failure', named('ConditionalCheckFailedException')],
      ['a string', 'boom'],
      ['a number', 42],
      ['null', null],
      ['undefined', undefined],
      ['an object with a non-string name', { name: 42, code: {} }],
      ['a name from the prototype chain', { name: 'toString' }],
    ])('%s', (_label, thrown) => {
      const { error, unexpected } = toRosterError(thrown);
      expect(unexpected).toBe(true);
      expect(error).toBeInstanceOf(RosterError);
      expect(error.status).toBe(500);
      expect(error.detail).toBe('An unexpected error occurred.');
      expect(error.details).toBeUndefined();
      expect(error.scimType).toBeUndefined();
      expect(error.headers).toEqual({});
      expect(error.cause).toBe(thrown);
    });
  });
});
