import { RosterError } from '../errors.js';

const THROTTLING_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
const UNAVAILABLE_ERRORS = new Set([
  'ServiceUnavailable',
  'InternalServerError',
  'TimeoutError',
  // Node's network errors (error.code): the store cannot be reached right now.
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * A TransactWriteItems cancelled because one of its items was throttled, or still conflicting with
 * other transactions after the store's own retries, is worth retrying: nothing was written.
 */
function isTransientTransaction(error: unknown): boolean {
  const { name, CancellationReasons: reasons } = (error ?? {}) as { name?: unknown; CancellationReasons?: unknown };
  return (
    name === 'TransactionCanceledException' &&
    Array.isArray(reasons) &&
    reasons.some((reason) => ['ThrottlingError', 'TransactionConflict'].includes(String((reason as { Code?: unknown } | null)?.Code)))
  );
}

/**
 * Any thrown value → RosterError. Throttling becomes 429 with an integer Retry-After (Okta waits
 * and retries); an unreachable store becomes 503; anything else is an unknown failure (500).
 */
export function toRosterError(error: unknown): { error: RosterError; unexpected: boolean } {
  if (error instanceof RosterError) return { error, unexpected: false };
  const name = (error as { name?: string; code?: string } | undefined)?.name ?? '';
  const code = (error as { code?: string } | undefined)?.code ?? '';
  if (THROTTLING_ERRORS.has(name) || isTransientTransaction(error)) {
    return {
      error: new RosterError(429, 'Too many requests right now; retry after the indicated delay.', {
        headers: { 'retry-after': '2' },
        cause: error,
      }),
      unexpected: false,
    };
  }
  if (UNAVAILABLE_ERRORS.has(name) || UNAVAILABLE_ERRORS.has(code)) {
    return {
      error: new RosterError(503, 'The service is temporarily unavailable; retry shortly.', {
        headers: { 'retry-after': '5' },
        cause: error,
      }),
      unexpected: true,
    };
  }
  return { error: new RosterError(500, 'An unexpected error occurred.', { cause: error }), unexpected: true };
}
