import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Secrets are never compared with `===` (whose time depends on where the first difference is):
 * tokens, codes and consent tickets are looked up by their SHA-256, and the client secret and PKCE
 * verifier are compared as digests with timingSafeEqual. This scans the code for an equality whose
 * operand is named like a secret, so a new one cannot slip in unnoticed.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const SECRET_NAME = /(secret|verifier|password|token|hash|ticket|challenge)[A-Za-z0-9_]*$/i;
/** An equality with the names (or calls, or literals) on either side. */
const EQUALITY = /([\w$.]*\)?)\s*[!=]==\s*([\w$.']*)/g;

/** Comparisons that are not secret-dependent, each with its reason. */
const ALLOWED: Record<string, string> = {
  'shared/config.ts: env.OAUTH_CLIENT_SECRET_SHA256 !== localSecretHash':
    'configuration check against the hash of the public local secret, once at cold start',
};

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('secret comparisons', () => {
  it('compare no secret with === or !== anywhere in shared/ and functions/', () => {
    const found: string[] = [];
    for (const file of [...sources(join(ROOT, 'shared')), ...sources(join(ROOT, 'functions'))]) {
      for (const match of readFileSync(file, 'utf8').matchAll(EQUALITY)) {
        const [, left, right] = match as unknown as [string, string, string];
        if ([left, right].some((operand) => operand === 'undefined' || operand === 'null')) continue;
        const lastPart = (operand: string) => operand.replace(/\)$/, '').split('.').pop()!;
        if (!SECRET_NAME.test(lastPart(left)) && !SECRET_NAME.test(lastPart(right))) continue;
        const comparison = `${relative(ROOT, file)}: ${match[0].replace(/\s+/g, ' ')}`;
        if (!ALLOWED[comparison]) found.push(comparison);
      }
    }
    expect(found).toEqual([]);
  });

  it('use timingSafeEqual where a secret value is compared', () => {
    for (const file of ['shared/auth/oauth/client.ts', 'shared/auth/oauth/pkce.ts']) {
      expect(readFileSync(join(ROOT, file), 'utf8'), file).toMatch(/timingSafeEqual\(/);
    }
  });
});
