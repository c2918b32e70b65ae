import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import {
  oidcAttempt,
  session,
  signInLink,
  type OidcAttemptRecord,
  type SessionRecord,
  type SignInLinkRecord,
} from './entities/console-sign-in.js';
import { takeOnce } from './take-once.js';
import { getItem, isConditionFailure, putNew } from './writes.js';

export type { OidcAttemptRecord, SessionRecord, SessionSubject, SignInLinkRecord } from './entities/console-sign-in.js';

export async function putSession(record: SessionRecord): Promise<void> {
  await putNew(session.toItem(record));
}

export async function getSession(sessionHash: string): Promise<SessionRecord | undefined> {
  const item = await getItem(session.key({ sessionHash }), { consistent: true });
  return item ? session.fromItem(item) : undefined;
}

/** Moves the idle deadline; a session deleted meanwhile (signed out) stays deleted. */
export async function touchSession(sessionHash: string, lastSeenAt: string): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: session.key({ sessionHash }),
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
  await takeOnce(session.key({ sessionHash }));
}

export async function putSignInLink(record: SignInLinkRecord): Promise<void> {
  await putNew(signInLink.toItem(record));
}

export async function takeSignInLink(linkHash: string): Promise<SignInLinkRecord | undefined> {
  const item = await takeOnce(signInLink.key({ linkHash }));
  return item ? signInLink.fromItem(item) : undefined;
}

export async function putOidcAttempt(record: OidcAttemptRecord): Promise<void> {
  await putNew(oidcAttempt.toItem(record));
}

export async function takeOidcAttempt(stateHash: string): Promise<OidcAttemptRecord | undefined> {
  const item = await takeOnce(oidcAttempt.key({ stateHash }));
  return item ? oidcAttempt.fromItem(item) : undefined;
}
