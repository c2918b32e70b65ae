import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { isConditionFailure, recordOf } from './item.js';
import { consoleKeys } from './keys.js';
import { takeOnce } from './take-once.js';
import { putNew } from './writes.js';

/** Who a console session belongs to: a team member of the company, or whoever holds its admin token. */
export type SessionSubject = { kind: 'member'; memberId: string } | { kind: 'adminToken' };

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

export async function putSession(record: SessionRecord): Promise<void> {
  await putNew(consoleKeys.session(record.sessionHash), 'Session', record);
}

export async function getSession(sessionHash: string): Promise<SessionRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: consoleKeys.session(sessionHash), ConsistentRead: true }));
  return Item ? recordOf<SessionRecord>(Item) : undefined;
}

/** Moves the idle deadline; a session deleted meanwhile (signed out) stays deleted. */
export async function touchSession(sessionHash: string, lastSeenAt: string): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: consoleKeys.session(sessionHash),
        UpdateExpression: 'SET lastSeenAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': lastSeenAt },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

export async function deleteSession(sessionHash: string): Promise<void> {
  await takeOnce(consoleKeys.session(sessionHash));
}

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

export async function putSignInLink(record: SignInLinkRecord): Promise<void> {
  await putNew(consoleKeys.signInLink(record.linkHash), 'SignInLink', record);
}

export function takeSignInLink(linkHash: string): Promise<SignInLinkRecord | undefined> {
  return takeOnce<SignInLinkRecord>(consoleKeys.signInLink(linkHash));
}

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

export async function putOidcAttempt(record: OidcAttemptRecord): Promise<void> {
  await putNew(consoleKeys.oidcAttempt(record.stateHash), 'OidcAttempt', record);
}

export function takeOidcAttempt(stateHash: string): Promise<OidcAttemptRecord | undefined> {
  return takeOnce<OidcAttemptRecord>(consoleKeys.oidcAttempt(stateHash));
}
