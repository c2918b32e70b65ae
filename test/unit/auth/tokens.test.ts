import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, type SecretKind } from '../../../shared/auth/tokens.js';

const KINDS: SecretKind[] = ['scim', 'admin', 'access', 'refresh', 'code', 'consent'];

describe('generateToken', () => {
  it.each(KINDS)('%s: roster_<kind>_ and 32 random bytes in base64url', (kind) => {
    const token = generateToken(kind);
    expect(token).toMatch(new RegExp(`^roster_${kind}_[A-Za-z0-9_-]{43}$`));
    expect(Buffer.from(token.slice(`roster_${kind}_`.length), 'base64url')).toHaveLength(32);
  });

  it('never repeats itself', () => {
    const tokens = Array.from({ length: 2000 }, () => generateToken('scim'));
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(new Set(tokens.map(hashToken)).size).toBe(tokens.length);
  });

  it('is safe in a header and a URL without escaping', () => {
    const token = generateToken('access');
    expect(encodeURIComponent(token)).toBe(token);
    expect(token).not.toMatch(/[\s=+/]/);
  });
});

describe('hashToken', () => {
  it('is SHA-256 in lower-case hex', () => {
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is stable, and differs for any change', () => {
    const token = generateToken('scim');
    expect(hashToken(token)).toBe(hashToken(`${token}`));
    expect(hashToken(token)).not.toBe(hashToken(`${token} `));
    expect(hashToken(token)).not.toBe(hashToken(token.toUpperCase()));
  });

  it('hashes UTF-8, whatever the input', () => {
    expect(hashToken('é')).toBe(hashToken('e\u0301'.normalize('NFC')));
    expect(hashToken('é')).not.toBe(hashToken('e\u0301'));
    for (const input of ['👩‍💻', '\u0000', 'x'.repeat(1_000_000)]) expect(hashToken(input)).toMatch(/^[0-9a-f]{64}$/);
  });
});
