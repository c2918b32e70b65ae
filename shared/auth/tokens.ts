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

/** Whether two secrets are equal, compared as SHA-256 digests in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
