import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.2: a code_challenge is 43-128 characters of the unreserved set. */
export const CODE_CHALLENGE_FORMAT = /^[A-Za-z0-9\-._~]{43,128}$/;
const CODE_VERIFIER_FORMAT = CODE_CHALLENGE_FORMAT;

/** S256 only: `plain` would let whoever sees the authorization request redeem the code. */
export function verifierMatches(verifier: string | undefined, challenge: string): boolean {
  if (!verifier || !CODE_VERIFIER_FORMAT.test(verifier)) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
