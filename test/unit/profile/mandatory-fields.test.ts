import { describe, expect, it } from 'vitest';
import { checkMandatoryFields, type MandatoryFieldsInput } from '../../../shared/profile/mandatory-fields.js';

const COMPANY = { domains: ['example.com'] };
const JANE: MandatoryFieldsInput = { givenName: 'Jane', familyName: 'Doe', primaryEmail: 'jane@example.com' };
const check = (input: Partial<MandatoryFieldsInput>, company: { domains: readonly string[]; allowSubdomains?: boolean } = COMPANY) =>
  checkMandatoryFields({ ...JANE, ...input }, company);

describe('checkMandatoryFields', () => {
  it.each([
    ['a complete profile', {}],
    ['an upper-case email', { primaryEmail: 'JANE@EXAMPLE.COM' }],
    ['a padded email', { primaryEmail: '  jane@example.com ' }],
    ['a trailing root dot', { primaryEmail: 'jane@example.com.' }],
    ['unicode names', { givenName: 'Zoë', familyName: '山田' }],
    ['a unicode local part', { primaryEmail: 'zoë@example.com' }],
  ])('accepts %s', (_label, input) => {
    expect(check(input)).toBeUndefined();
  });

  it.each([
    ['given name missing', { givenName: undefined }, 'givenName', "the given name (first name) is empty. Set it in the user's Okta profile."],
    ['given name blank', { givenName: ' \n\t' }, 'givenName', 'the given name (first name) is empty'],
    ['family name missing', { familyName: undefined }, 'familyName', "the last name is empty. Set it in the user's Okta profile."],
    ['family name blank', { familyName: '' }, 'familyName', 'the last name is empty'],
    ['no primary email', { primaryEmail: undefined }, 'primaryEmail', "there is no primary email. Set a primary work email in the user's Okta profile."],
    ['a blank primary email', { primaryEmail: '   ' }, 'primaryEmail', 'there is no primary email'],
    ['no @', { primaryEmail: 'jane.example.com' }, 'primaryEmail', 'the primary email "jane.example.com" is not a valid email address'],
    ['two @', { primaryEmail: 'jane@doe@example.com' }, 'primaryEmail', 'is not a valid email address'],
    ['a quoted local part', { primaryEmail: '"jane doe"@example.com' }, 'primaryEmail', 'is not a valid email address'],
    ['an IP literal', { primaryEmail: 'jane@[192.0.2.1]' }, 'primaryEmail', 'is not a valid email address'],
    ['a huge address', { primaryEmail: `${'j'.repeat(300)}@example.com` }, 'primaryEmail', 'is not a valid email address'],
    ['another domain', { primaryEmail: 'jane@other.com' }, 'emailDomain', `the primary email's domain "other.com" is not one of the company's domains (example.com). Use an address at example.com, or add the domain in Roster's company settings.`],
    ['a subdomain', { primaryEmail: 'jane@eu.example.com' }, 'emailDomain', '"eu.example.com"'],
    ['a look-alike', { primaryEmail: 'jane@example.com.evil.io' }, 'emailDomain', '"example.com.evil.io"'],
  ])('refuses %s', (_label, input, rule, detail) => {
    const violation = check(input);
    expect(violation?.rule).toBe(rule);
    expect(violation?.detail.startsWith('The user was not imported: ')).toBe(true);
    expect(violation?.detail).toContain(detail);
  });

  it('checks the rules in the article order', () => {
    expect(checkMandatoryFields({}, COMPANY)?.rule).toBe('givenName');
    expect(checkMandatoryFields({ givenName: 'J' }, COMPANY)?.rule).toBe('familyName');
    expect(checkMandatoryFields({ givenName: 'J', familyName: 'D', primaryEmail: 'x' }, COMPANY)?.rule).toBe('primaryEmail');
  });

  describe('subdomain policy', () => {
    const withSubdomains = { domains: ['example.com'], allowSubdomains: true };
    it.each([
      ['jane@eu.example.com', undefined],
      ['jane@a.b.example.com', undefined],
      ['jane@example.com', undefined],
      ['jane@badexample.com', 'emailDomain'],
    ])('opted in: %s → %s', (primaryEmail, rule) => {
      expect(check({ primaryEmail }, withSubdomains)?.rule).toBe(rule);
    });

    it('says so in the detail when opted in', () => {
      expect(check({ primaryEmail: 'jane@other.com' }, withSubdomains)?.detail).toContain('(example.com) or their subdomains.');
      expect(check({ primaryEmail: 'jane@other.com' })?.detail).not.toContain('subdomains');
    });
  });

  it.each([
    [['example.com', 'example.org'], 'jane@example.org', undefined],
    [['@Example.COM'], 'jane@example.com', undefined],
    [['bücher.example'], 'jane@xn--bcher-kva.example', undefined],
    [['xn--bcher-kva.example'], 'jane@BÜCHER.example', undefined],
    [[' example.com '], 'jane@example.com', undefined],
    [['not a domain'], 'jane@example.com', 'emailDomain'],
  ])('company domains %j, email %s → %s', (domains, primaryEmail, rule) => {
    expect(check({ primaryEmail }, { domains })?.rule).toBe(rule);
  });

  it('lists every company domain and suggests the primary one', () => {
    expect(check({ primaryEmail: 'jane@other.com' }, { domains: ['example.com', 'example.org'] })?.detail).toContain(
      "(example.com, example.org). Use an address at example.com,",
    );
  });

  it('copes with a company without domains', () => {
    expect(check({}, { domains: [] })).toEqual({ rule: 'emailDomain', detail: expect.stringContaining('Use an address at the company domain') });
  });
});
