import { config } from '../config.js';

/**
 * How long each credential lives. Bearer tokens from the admin API have no expiry: they live until
 * revoked. Items that expire carry `expiresAt` in epoch seconds, DynamoDB's TTL format; TTL deletes
 * them eventually (up to days later), so every read checks the time itself.
 */
export const lifetimes = {
  consentTicketSeconds: 10 * 60,
  authorizationCodeSeconds: 2 * 60,
  accessTokenSeconds: () => config().OAUTH_ACCESS_TOKEN_SECONDS,
  refreshTokenSeconds: 90 * 24 * 3600,
  /** `lastUsedAt` of a connection is written at most once per this period. */
  lastUsedResolutionMs: 5 * 60 * 1000,
};

export const expiresAtAfter = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;
export const hasExpired = (expiresAt: number | undefined): boolean => expiresAt !== undefined && expiresAt * 1000 <= Date.now();
