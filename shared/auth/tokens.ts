import { createHash, randomBytes } from 'node:crypto';
import type { TokenScope } from '../store/tokens.js';

/**
 * Opaque bearer tokens: 32 random bytes, shown once, stored only as a SHA-256 hash. The scope
 * prefix only helps humans (and secret scanners) recognise a token; authority comes from the record.
 */
export function generateToken(scope: TokenScope): string {
  return `roster_${scope}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
