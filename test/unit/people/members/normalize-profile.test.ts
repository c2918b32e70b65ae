import { describe, expect, it } from 'vitest';
import { ImportRejected } from '../../../../shared/people/members/import-rejected.js';
import { identifier } from '../../../../shared/people/members/member-identifiers.js';
import { normalizeTeamMemberProfile } from '../../../../shared/people/members/normalize-profile.js';
import type { TeamMemberInput } from '../../../../shared/people/members/profile-document.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA } from '../../../../shared/people/members/profile-document.js';
import type { TenantRecord } from '../../../../shared/store/tenants.js';
import { company } from '../../support/records.js';

const ROSTER = ROSTER_USER_SCHEMA;
const JANE = { name: { givenName: 'Jane', familyName: 'Doe' }, emails: [{ value: 'jane.doe@example.com', type: 'work', primary: true }] };

const input = (attributes: Record<string, unknown> = {}): TeamMemberInput => ({
  userName: 'jane.doe@example.com',
  active: true,
  attributes: { userName: 'jane.doe@example.com', ...JANE, active: true, ...attributes },
});
const normalize = (attributes: Record<string, unknown> = {}, tenant: TenantRecord = company()) =>
  normalizeTeamMemberProfile(input(attributes), tenant);
const rosterOf = (attributes: Record<string, unknown>) => normalize(attributes).attributes[ROSTER] as Record<string, unknown> | undefined;
const issueFields = (attributes: Record<string, unknown>) => normalize(attributes).resolved.issues.map((issue) => issue.field);

function rejection(attributes: Record<string, unknown>, tenant?: TenantRecord): ImportRejected {
  try {
    normalize(attributes, tenant);
  } catch (error) {
    if (error instanceof ImportRejected) return error;
    throw error;
  }
  throw new Error('expected the import to be rejected');
}

describe('normalizeTeamMemberProfile', () => {
  it('imports a minimal user with en-US and the company time zone', () => {
    expect(normalize()).toEqual({
      attributes: { userName: 'jane.doe@example.com', ...JANE, active: true, locale: 'en-US' },
      identifiers: ['email:jane.doe@example.com', 'fullName:jane doe'],
      resolved: { resolvedTimeZone: 'America/New_York', timeZoneSource: 'companyDefault', issues: [] },
      manager: {},
    });
  });

  it('does not change its input', () => {
    const user = input({ phoneNumbers: [{ value: '(865) 365-1900', type: 'work' }], [ROSTER]: { country: 'usa' } });
    const copy = structuredClone(user);
    normalizeTeamMemberProfile(user, company());
    expect(user).toEqual(copy);
  });

  describe('mandatory fields: the user is not imported', () => {
    it.each([
      ['no name', { name: undefined }, 'givenName', /given name \(first name\) is empty/],
      ['a blank given name', { name: { givenName: ' \t', familyName: 'Doe' } }, 'givenName', /given name/],
      ['no family name', { name: { givenName: 'Jane' } }, 'familyName', /last name is empty/],
      ['a blank family name', { name: { givenName: 'Jane', familyName: '\u00a0 ' } }, 'familyName', /last name/],
      ['no email', { emails: undefined }, 'primaryEmail', /there is no primary email/],
      ['no emails', { emails: [] }, 'primaryEmail', /there is no primary email/],
      ['an invalid primary email', { emails: [{ value: 'jane.doe', primary: true }] }, 'primaryEmail', /"jane\.doe" is not a valid email address/],
      ['an email at another domain', { emails: [{ value: 'jane@other.com', primary: true }] }, 'emailDomain', /domain "other\.com" is not one of the company's domains \(example\.com\)/],
      ['an email at a subdomain', { emails: [{ value: 'jane@eu.example.com', primary: true }] }, 'emailDomain', /"eu\.example\.com"/],
      ['an email at a look-alike domain', { emails: [{ value: 'jane@badexample.com', primary: true }] }, 'emailDomain', /"badexample\.com"/],
      [
        'a primary home email at another domain, even with a work email at the company',
        { emails: [{ value: 'jane@example.com', type: 'work' }, { value: 'jane@gmail.com', type: 'home', primary: true }] },
        'emailDomain',
        /gmail\.com/,
      ],
    ])('%s', (_label, attributes, rule, detail) => {
      const error = rejection(attributes);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('ImportRejected');
      expect(error.rule).toBe(rule);
      expect(error.detail).toMatch(/^The user was not imported: /);
      expect(error.detail).toMatch(detail);
      expect(error.message).toBe(error.detail);
    });

    it('reports the first broken rule', () => {
      expect(rejection({ name: {}, emails: [] }).rule).toBe('givenName');
    });

    it.each([
      ['the primary email', [{ value: 'x@other.com', type: 'work' }, { value: 'jane@example.com', type: 'other', primary: true }]],
      ['else the work email', [{ value: 'x@other.com', type: 'home' }, { value: 'jane@example.com', type: 'work' }]],
      ['else the first', [{ value: 'jane@example.com' }, { value: 'x@other.com' }]],
      ['in any case', [{ value: 'JANE@EXAMPLE.COM', primary: true }]],
    ])('checks %s', (_label, emails) => {
      expect(() => normalize({ emails })).not.toThrow();
    });

    it('accepts any of the company domains', () => {
      expect(() => normalize({ emails: [{ value: 'jane@example.org', primary: true }] }, company({ domains: ['example.com', 'example.org'] }))).not.toThrow();
    });

    describe('with subdomains allowed by the company', () => {
      const tenant = company({ allowSubdomains: true });
      const emailsAt = (domain: string) => ({ emails: [{ value: `jane@${domain}`, primary: true }] });

      it.each([['eu.example.com'], ['a.b.example.com'], ['EU.Example.COM']])('imports %s', (domain) => {
        expect(() => normalize(emailsAt(domain), tenant)).not.toThrow();
      });

      it.each([['badexample.com'], ['example.com.evil.io'], ['example.co']])('still refuses %s', (domain) => {
        expect(rejection(emailsAt(domain), tenant).detail).toMatch(/ or their subdomains/);
      });
    });
  });

  describe('phone numbers', () => {
    it.each([
      ['(865) 365-1900', '+18653651900', undefined],
      ['(212) 575-1994 ext 3437', '+12125751994', '3437'],
      ['(317) 251-0700 ext. 468', '+13172510700', '468'],
      ['(202) 903-2585 x2991', '+12029032585', '2991'],
      ['(206) 324-1800 x 229', '+12063241800', '229'],
      ['540.946.4600 Ext. 143', '+15409464600', '143'],
    ])("the article's %s → %s ext %s", (raw, e164, extension) => {
      const profile = normalize({ phoneNumbers: [{ value: raw, type: 'work' }] });
      expect(profile.attributes.phoneNumbers).toEqual([{ value: e164, type: 'work' }]);
      expect((profile.attributes[ROSTER] as Record<string, unknown> | undefined)?.primaryPhoneExtension).toBe(extension);
      expect(profile.resolved.issues).toEqual([]);
    });

    it('lets Primary Phone Ext win over an extension written in the number', () => {
      expect(rosterOf({ phoneNumbers: [{ value: '(212) 575-1994 ext 3437' }], [ROSTER]: { primaryPhoneExtension: '99' } })).toEqual({ primaryPhoneExtension: '99' });
      expect(rosterOf({ phoneNumbers: [{ value: '(212) 575-1994' }], [ROSTER]: { primaryPhoneExtension: 'x 12' } })).toEqual({ primaryPhoneExtension: '12' });
    });

    it("reads a number without country code as one of the user's country", () => {
      expect(normalize({ phoneNumbers: [{ value: '020 7946 0958' }], [ROSTER]: { country: 'United Kingdom' } }).attributes.phoneNumbers).toEqual([{ value: '+442079460958' }]);
    });

    it('normalises the primary number only', () => {
      const phones = [{ value: '(865) 365-1900', type: 'mobile' }, { value: '540.946.4600', type: 'work', primary: true }];
      expect(normalize({ phoneNumbers: phones }).attributes.phoneNumbers).toEqual([phones[0], { ...phones[1], value: '+15409464600' }]);
    });

    it.each([['call me maybe'], ['12'], ['+'], ['9'.repeat(65)], ['☎️ ٠١٢']])('keeps the unreadable %j as given, flagged', (raw) => {
      const profile = normalize({ phoneNumbers: [{ value: raw, type: 'work' }] });
      expect(profile.attributes.phoneNumbers).toEqual([{ value: raw, type: 'work' }]);
      expect(profile.resolved.issues).toEqual([{ field: 'phoneNumbers', reason: expect.stringMatching(/could not be read/) }]);
    });

    it('flags an extension that is not digits', () => {
      expect(normalize({ phoneNumbers: [{ value: '(865) 365-1900' }], [ROSTER]: { primaryPhoneExtension: 'front desk' } }).resolved.issues).toEqual([
        { field: 'phoneNumbers', reason: expect.stringMatching(/extension must be digits/) },
      ]);
    });
  });

  describe('country and state or province', () => {
    it.each([
      ['United States', 'US'],
      ['usa', 'US'],
      ['us', 'US'],
      ['FRA', 'FR'],
      ["CÔTE D’IVOIRE", 'CI'],
      ['  germany  ', 'DE'],
    ])('country %j → %s', (country, code) => {
      expect(rosterOf({ [ROSTER]: { country } })?.country).toBe(code);
    });

    it.each([['Atlantis'], ['840'], ['ZZ'], ['x'.repeat(500)]])('keeps the unknown country %j, flagged', (country) => {
      const profile = normalize({ [ROSTER]: { country } });
      expect((profile.attributes[ROSTER] as Record<string, unknown>).country).toBe(country);
      expect(profile.resolved.issues).toEqual([{ field: 'country', reason: expect.stringMatching(/unknown country/) }]);
    });

    it.each([
      ['the Roster country over the address', { [ROSTER]: { country: 'FR' }, addresses: [{ country: 'DE' }] }, 'FR'],
      ['the address as a fallback', { addresses: [{ country: 'Germany', type: 'work' }] }, 'DE'],
      ['the primary address', { addresses: [{ country: 'Germany' }, { country: 'Spain', primary: true }] }, 'ES'],
      ['the address when the Roster country is blank', { [ROSTER]: { country: '' }, addresses: [{ country: 'Germany' }] }, 'DE'],
    ])('takes %s', (_label, attributes, code) => {
      expect(rosterOf(attributes)?.country).toBe(code);
    });

    it.each([
      [{ country: 'US', stateOrProvince: 'California' }, 'US-CA'],
      [{ country: 'US', stateOrProvince: 'ca' }, 'US-CA'],
      [{ country: 'Canada', stateOrProvince: 'Newfoundland & Labrador' }, 'CA-NL'],
      [{ stateOrProvince: 'US-TX' }, 'US-TX'],
    ])('state or province %j → %s', (roster, code) => {
      expect(rosterOf({ [ROSTER]: roster })?.stateOrProvince).toBe(code);
    });

    it('takes the address region when the Roster extension has none', () => {
      expect(rosterOf({ addresses: [{ country: 'US', region: 'Texas' }] })).toEqual({ country: 'US', stateOrProvince: 'US-TX' });
    });

    it.each([
      [{ country: 'US', stateOrProvince: 'Narnia' }],
      [{ country: 'US', stateOrProvince: 'CA-ON' }],
    ])('keeps a state or province it cannot place, flagged: %j', (roster) => {
      const profile = normalize({ [ROSTER]: roster });
      expect((profile.attributes[ROSTER] as Record<string, unknown>).stateOrProvince).toBe(roster.stateOrProvince);
      expect(profile.resolved.issues.map((issue) => issue.field)).toEqual(['stateOrProvince']);
    });
  });

  describe('locale', () => {
    it.each([
      [undefined, 'en-US', []],
      ['en_US', 'en-US', []],
      ['EN-us', 'en-US', []],
      ['fr_ca', 'fr-CA', []],
      ['zz-ZZ', 'en-US', ['locale']],
      ['not a locale!', 'en-US', ['locale']],
    ])('%j → %s', (locale, expected, issues) => {
      const profile = normalize(locale === undefined ? {} : { locale });
      expect(profile.attributes.locale).toBe(expected);
      expect(profile.resolved.issues.map((issue) => issue.field)).toEqual(issues);
    });
  });

  describe('time zone, by the article\'s hierarchy', () => {
    const berlin = company({ defaultTimeZone: 'Europe/Berlin' });
    it.each([
      ['the time zone attribute first', { timezone: 'Asia/Tokyo', [ROSTER]: { country: 'FR' } }, 'Asia/Tokyo', 'timezone'],
      ['a time zone in any case, stored with its database spelling', { timezone: 'america/los_angeles' }, 'America/Los_Angeles', 'timezone'],
      ['a backward link, kept as given', { timezone: 'US/Eastern' }, 'US/Eastern', 'timezone'],
      ['then a single-zone country', { [ROSTER]: { country: 'France' } }, 'Europe/Paris', 'country'],
      ['a country from the address', { addresses: [{ country: 'Japan' }] }, 'Asia/Tokyo', 'country'],
      ['then the state of a multi-zone country', { [ROSTER]: { country: 'US', stateOrProvince: 'California' } }, 'America/Los_Angeles', 'stateOrProvince'],
      ['a state without a country', { [ROSTER]: { stateOrProvince: 'US-AZ' } }, 'America/Phoenix', 'stateOrProvince'],
      ['else the company default: multi-zone country, no state', { [ROSTER]: { country: 'US' } }, 'Europe/Berlin', 'companyDefault'],
      ['the company default for an unknown country', { [ROSTER]: { country: 'Atlantis' } }, 'Europe/Berlin', 'companyDefault'],
      ['the company default when nothing is known', {}, 'Europe/Berlin', 'companyDefault'],
    ])('%s', (_label, attributes, zone, source) => {
      const profile = normalize(attributes, berlin);
      expect(profile.resolved).toMatchObject({ resolvedTimeZone: zone, timeZoneSource: source });
      if (source === 'timezone') expect(profile.attributes.timezone).toBe(zone);
    });

    it.each([
      ['-05:00', /offsets like -05:00 are not supported/],
      ['+0530', /offsets/],
      ['GMT+5', /offsets/],
      ['UTC-3', /offsets/],
      ['Etc/GMT+5', /offsets/],
      ['(UTC-05:00) Eastern Time (US & Canada)', /offsets/],
      ['EST', /abbreviations like EST are not supported/],
      ['pst', /abbreviations/],
      ['CET', /abbreviations/],
      ['Mars/Olympus_Mons', /unknown time zone/],
      ['x'.repeat(1000), /unknown time zone/],
    ])('refuses the time zone %j', (timezone, reason) => {
      const error = rejection({ timezone });
      expect(error.rule).toBe('timezone');
      expect(error.detail).toContain(`timezone "${timezone}"`);
      expect(error.detail).toMatch(reason);
    });
  });

  describe('identifiers', () => {
    it('lists every email lower-cased and once, the employee number and the full name key', () => {
      const profile = normalize({
        name: { givenName: '  JOSÉ ', familyName: 'Núñez' },
        emails: [
          { value: 'Jose.Nunez@Example.com', type: 'work', primary: true },
          { value: 'jose.nunez@example.com', type: 'work' },
          { value: 'J@Home.Example', type: 'home' },
        ],
        [ENTERPRISE_USER_SCHEMA]: { employeeNumber: 'E-42' },
      });
      expect(profile.identifiers).toEqual([
        identifier.email('jose.nunez@example.com'),
        'email:j@home.example',
        'employeeNumber:E-42',
        'fullName:josé núñez',
      ]);
    });

    it('has no employee number identifier for an empty one', () => {
      expect(normalize({ [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '' } }).identifiers).not.toContainEqual(expect.stringMatching(/^employeeNumber:/));
    });
  });

  it('passes the manager fields on', () => {
    expect(normalize({ [ROSTER]: { managerEmail: 'Boss@Example.com' } }).manager).toEqual({ email: 'boss@example.com' });
  });

  it('collects every flag and still imports the user', () => {
    expect(issueFields({ locale: 'zz', phoneNumbers: [{ value: 'n/a' }], [ROSTER]: { country: 'Atlantis', stateOrProvince: 'Narnia' } })).toEqual([
      'country',
      'stateOrProvince',
      'phoneNumbers',
      'locale',
    ]);
  });
});
