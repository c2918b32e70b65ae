import { config } from '../config.js';

/**
 * How long each credential lives. SCIM bearer tokens from the admin API have no expiry: they live
 * until revoked; admin tokens live ADMIN_TOKEN_DAYS (config). Items that expire carry `expiresAt` in
 * epoch seconds, DynamoDB's TTL format; TTL deletes them eventually (up to days later), so every
 * read checks the time itself.
 */
export const lifetimes = {
  consentTicketSeconds: 10 * 60,
  authorizationCodeSeconds: 2 * 60,
  accessTokenSeconds: () => config().OAUTH_ACCESS_TOKEN_SECONDS,
  refreshTokenSeconds: 90 * 24 * 3600,
  /** `lastUsedAt` of a connection is written at most once per this period. */
  lastUsedResolutionMs: 5 * 60 * 1000,
  /** A console session ends this long after sign-in, whatever happens… */
  sessionAbsoluteSeconds: 12 * 3600,
  /** …or after this long without a request. */
  sessionIdleSeconds: 30 * 60,
  /** The idle deadline is moved at most once per this period (one write, not one per page view). */
  sessionTouchSeconds: 60,
  signInLinkSeconds: 15 * 60,
  /** From leaving for the identity provider to coming back. */
  oidcAttemptSeconds: 10 * 60,
};

export const expiresAtAfter = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;
export const hasExpired = (expiresAt: number | undefined): boolean => expiresAt !== undefined && expiresAt * 1000 <= Date.now();
