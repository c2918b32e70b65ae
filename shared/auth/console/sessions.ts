import { randomBytes } from 'node:crypto';
import { deleteSession, getSession, putSession, touchSession, type SessionRecord, type SessionSubject } from '../../store/console-sessions.js';
import { expiresAtAfter, hasExpired, lifetimes } from '../lifetimes.js';
import { generateToken, hashToken } from '../tokens.js';

export type { SessionRecord, SessionSubject };

/**
 * Server-side console sessions. The browser holds only a random id (in a __Host- cookie); the table
 * holds its hash with the company, the person, the CSRF token and the deadlines. Signing in always
 * makes a new id (the old one, if any, is deleted), so an id planted before sign-in is worth nothing.
 */
export async function startSession(
  tenantId: string,
  subject: SessionSubject,
  method: SessionRecord['method'],
  replacing?: string,
): Promise<{ sessionId: string; session: SessionRecord }> {
  if (replacing) await endSession(replacing);
  const sessionId = generateToken('session');
  const now = new Date().toISOString();
  const session: SessionRecord = {
    sessionHash: hashToken(sessionId),
    tenantId,
    subject,
    method,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: expiresAtAfter(lifetimes.sessionAbsoluteSeconds),
  };
  await putSession(session);
  return { sessionId, session };
}

/** The live session of a cookie value, or undefined (unknown, signed out, idle too long or past its end). */
export async function resumeSession(sessionId: string | undefined): Promise<SessionRecord | undefined> {
  if (!sessionId || !sessionId.startsWith('roster_session_')) return undefined;
  const session = await getSession(hashToken(sessionId));
  if (!session || hasExpired(session.expiresAt)) return undefined;
  const idleFor = (Date.now() - Date.parse(session.lastSeenAt)) / 1000;
  if (idleFor >= lifetimes.sessionIdleSeconds) {
    await deleteSession(session.sessionHash);
    return undefined;
  }
  if (idleFor >= lifetimes.sessionTouchSeconds) await touchSession(session.sessionHash, new Date().toISOString());
  return session;
}

export async function endSession(sessionId: string): Promise<void> {
  await deleteSession(hashToken(sessionId));
}
