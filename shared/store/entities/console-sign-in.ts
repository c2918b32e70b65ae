import { defineEntity } from '../entity.js';

/** Who a console session belongs to: a team member of the company, or whoever holds its admin token. */
export type SessionSubject =
  | { kind: 'member'; memberId: string }
  /** `tokenHash`: the admin token signed in with, so that its revocation ends the session (absent on sessions from before it was kept). */
  | { kind: 'adminToken'; tokenHash?: string };

export interface SessionRecord {
  sessionHash: string;
  tenantId: string;
  subject: SessionSubject;
  /** How the person signed in. */
  method: 'oidc' | 'emailLink' | 'adminToken';
  /** The synchronizer token every state-changing form of this session carries. */
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  /** Epoch seconds: the absolute timeout, also the item's TTL. */
  expiresAt: number;
}

/** A console session, found by the hash of the id its cookie holds. */
export const session = defineEntity<SessionRecord>()({
  type: 'Session',
  key: { pk: 'SESSION#{sessionHash}', sk: 'SESSION' },
  attributes: {
    sessionHash: 'string',
    tenantId: 'string',
    subject: 'value',
    method: 'string',
    csrfToken: 'string',
    createdAt: 'string',
    lastSeenAt: 'string',
    expiresAt: 'number',
  },
  indexes: { tenant: { pk: 'T#{tenantId}#ALL', sk: 'SESSION#{sessionHash}' } },
});

/** An emailed sign-in link: single use, short-lived, for one active member of one company. */
export interface SignInLinkRecord {
  linkHash: string;
  tenantId: string;
  memberId: string;
  /** Where to go once signed in (a console path). */
  next: string;
  createdAt: string;
  expiresAt: number;
}

export const signInLink = defineEntity<SignInLinkRecord>()({
  type: 'SignInLink',
  key: { pk: 'SIGNIN#{linkHash}', sk: 'SIGNIN' },
  attributes: { linkHash: 'string', tenantId: 'string', memberId: 'string', next: 'string', createdAt: 'string', expiresAt: 'number' },
  indexes: { tenant: { pk: 'T#{tenantId}#ALL', sk: 'SIGNIN#{linkHash}' } },
});

/** An OpenID Connect sign-in under way: what the callback needs to finish it, keyed by its state. */
export interface OidcAttemptRecord {
  stateHash: string;
  tenantId: string;
  codeVerifier: string;
  nonce: string;
  /** Hash of the browser-binding cookie set when the attempt started. */
  browserHash: string;
  next: string;
  createdAt: string;
  expiresAt: number;
}

export const oidcAttempt = defineEntity<OidcAttemptRecord>()({
  type: 'OidcAttempt',
  key: { pk: 'OIDC#{stateHash}', sk: 'OIDC' },
  attributes: {
    stateHash: 'string',
    tenantId: 'string',
    codeVerifier: 'string',
    nonce: 'string',
    browserHash: 'string',
    next: 'string',
    createdAt: 'string',
    expiresAt: 'number',
  },
  indexes: { tenant: { pk: 'T#{tenantId}#ALL', sk: 'OIDC#{stateHash}' } },
});

/** Uses of a rate-limited action (`limit`) in one fixed window; expires after the window. */
export const rateWindow = defineEntity<{ tenantId: string; limit: string; windowStart: string }>()({
  type: 'RateWindow',
  key: { pk: 'T#{tenantId}#RATE#{limit}', sk: '{windowStart}' },
  attributes: { tenantId: 'string', limit: 'string', windowStart: 'string' },
  // Its partition names an address key nobody can list, so the window is found through the index.
  indexes: { tenant: { pk: 'T#{tenantId}#ALL', sk: 'RATE#{limit}#{windowStart}' } },
});
