import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenScope } from '../store/tokens.js';

/** What a secret is for; the prefix only helps humans (and secret scanners) recognise it. */
export type SecretKind = TokenScope | 'access' | 'refresh' | 'code' | 'consent' | 'session' | 'signin' | 'state';

/**
 * Opaque secrets: 32 random bytes, shown once, stored only as a SHA-256 hash and looked up by that
 * hash, so no secret is ever compared byte by byte. Authority comes from the stored record.
 */
export function generateToken(kind: SecretKind): string {
  return `roster_${kind}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a secret presented by a browser is the one whose hash was stored (digests compared in constant time). */
export function matchesHash(secret: string | undefined, storedHash: string | undefined): boolean {
  if (!secret || !storedHash) return false;
  const presented = Buffer.from(hashToken(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
