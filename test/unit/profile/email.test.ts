import { describe, expect, it } from 'vitest';
import { domainAllowed, emailDomain, isValidEmail } from '../../../shared/profile/email.js';

describe('emailDomain', () => {
  it.each([
    ['jane.doe@example.com', 'example.com'],
    ['  Jane.Doe@Example.COM  ', 'example.com'],
    ['jane@EU.Example.com', 'eu.example.com'],
    ['jane@example.com.', 'example.com'],
    ['jane@bücher.example', 'xn--bcher-kva.example'],
    ['jane@BÜCHER.example', 'xn--bcher-kva.example'],
    ['jane@xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['"a@b"@example.com', 'example.com'],
  ])('%j → %s', (email, domain) => {
    expect(emailDomain(email)).toBe(domain);
  });

  it.each([
    undefined,
    null,
    '',
    '   ',
    'jane',
    'jane@',
    '@example.com',
    'jane@localhost',
    'jane@1.2.3.4',
    'jane@exa mple.com',
    'jane@-example.com',
    'jane@example..com',
    'jane@under_score.com',
    `jane@${'a'.repeat(64)}.com`,
    `jane@${'a.'.repeat(5_000)}com`,
  ])('%j has no domain', (email) => {
    expect(emailDomain(email)).toBeUndefined();
  });
});

describe('isValidEmail', () => {
  it.each([
    'jane.doe@example.com',
    ' jane.doe@example.com ',
    'JANE.DOE@EXAMPLE.COM',
    'jane+okta@example.co.uk',
    "o'brien@example.ie",
    'josé.núñez@example.com',
    'jane@bücher.example',
    'jane@example.com.',
    `${'a'.repeat(64)}@example.com`,
  ])('%j is valid', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each([
    undefined,
    null,
    '',
    '   ',
    'jane.doe',
    'jane doe@example.com',
    '.jane@example.com',
    'jane.@example.com',
    'ja..ne@example.com',
    'jane@@example.com',
    'jane@',
    '@example.com',
    '"john doe"@example.com',
    'jane@[127.0.0.1]',
    'jane@1.2.3.4',
    'jane@example',
    'jane\u0000@example.com',
    `${'a'.repeat(65)}@example.com`,
    `${'a'.repeat(10_000)}@example.com`,
  ])('%j is not valid', (email) => {
    expect(isValidEmail(email)).toBe(false);
  });
});

describe('domainAllowed', () => {
  describe('by default the domain must equal a company domain exactly', () => {
    it.each([
      ['jane@example.com', ['example.com'], true],
      ['  JANE@EXAMPLE.COM ', ['example.com'], true],
      ['jane@example.com', ['  Example.COM  '], true],
      ['jane@example.com', ['@example.com'], true],
      ['jane@example.com.', ['example.com'], true],
      ['jane@example.org', ['example.com', 'example.org'], true],
      ['jane@bücher.example', ['xn--bcher-kva.example'], true],
      ['jane@xn--bcher-kva.example', ['BÜCHER.example'], true],
      ['jane@eu.example.com', ['example.com'], false],
      ['jane@badexample.com', ['example.com'], false],
      ['jane@example.com.evil.io', ['example.com'], false],
      ['jane@example.co', ['example.com'], false],
      ['jane@example.com', [], false],
      ['jane@example.com', ['', '   ', 'not a domain'], false],
      ['example.com', ['example.com'], false],
      ['jane@example.com@evil.io', ['example.com'], false],
      ['jane@example.com', ['eu.example.com'], false],
    ] as const)('%j for %j → %s', (email, domains, allowed) => {
      expect(domainAllowed(email, domains)).toBe(allowed);
      expect(domainAllowed(email, domains, { allowSubdomains: false })).toBe(allowed);
    });
  });

  describe('subdomains match only when the company opts in, on a label boundary', () => {
    it.each([
      ['jane@eu.example.com', true],
      ['jane@a.b.EXAMPLE.com', true],
      ['jane@example.com', true],
      ['jane@badexample.com', false],
      ['jane@eu-example.com', false],
      ['jane@example.com.evil.io', false],
    ] as const)('%j → %s', (email, allowed) => {
      expect(domainAllowed(email, ['example.com'], { allowSubdomains: true })).toBe(allowed);
    });
  });

  it.each([undefined, null, '', '   ', `${'a'.repeat(10_000)}@example.com`, 'jane doe@example.com'])(
    'refuses %j',
    (email) => {
      expect(domainAllowed(email, ['example.com'], { allowSubdomains: true })).toBe(false);
    },
  );
});
