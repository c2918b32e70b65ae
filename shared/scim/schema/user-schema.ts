import { EXTERNAL_ID_ATTRIBUTE, ID_ATTRIBUTE } from './common-attributes.js';
import { defineAttribute } from './define-attribute.js';
import type { SchemaDefinition } from './types.js';
import { USER_SCHEMA } from './urns.js';

const primary = defineAttribute('primary', 'Whether this is the preferred value; at most one value is primary.', { type: 'boolean' });

export const USER_CORE_SCHEMA: SchemaDefinition = {
  id: USER_SCHEMA,
  name: 'User',
  description: 'User Account',
  attributes: [
    ID_ATTRIBUTE,
    EXTERNAL_ID_ATTRIBUTE,
    defineAttribute('userName', 'Unique identifier for the User, used to sign in; unique per tenant, case-insensitive.', {
      required: true,
      uniqueness: 'server',
    }),
    defineAttribute('name', 'The components of the user\'s name.', {
      subAttributes: [
        defineAttribute('formatted', 'The full name, formatted for display.'),
        defineAttribute('familyName', 'The family name (last name).'),
        defineAttribute('givenName', 'The given name (first name).'),
        defineAttribute('middleName', 'The middle name(s).'),
        defineAttribute('honorificPrefix', 'Honorific prefix, e.g. "Ms.".'),
        defineAttribute('honorificSuffix', 'Honorific suffix, e.g. "III".'),
      ],
    }),
    defineAttribute('displayName', 'The name of the User, suitable for display.'),
    defineAttribute('nickName', 'The casual way to address the user.'),
    defineAttribute('title', 'The user\'s title, such as "Vice President".'),
    defineAttribute('userType', 'The relationship to the organization, e.g. "Employee".'),
    defineAttribute('preferredLanguage', 'Preferred written or spoken language, e.g. "en-US".'),
    defineAttribute('locale', 'Default location for localizing, e.g. "en-US".'),
    defineAttribute('timezone', 'The user\'s time zone in IANA format, e.g. "Europe/Paris".'),
    defineAttribute('active', 'Whether the user is active (has a seat).', { type: 'boolean' }),
    defineAttribute('password', 'Accepted from clients that always send one; never stored or returned.', {
      mutability: 'writeOnly',
      returned: 'never',
    }),
    defineAttribute('emails', 'Email addresses; the primary work email is the team member\'s email.', {
      multiValued: true,
      subAttributes: [
        defineAttribute('value', 'Email address.'),
        defineAttribute('type', 'Function of the email address.', { canonicalValues: ['work', 'home', 'other'] }),
        primary,
        defineAttribute('display', 'Human-readable name of the address.'),
      ],
    }),
    defineAttribute('phoneNumbers', 'Phone numbers.', {
      multiValued: true,
      subAttributes: [
        defineAttribute('value', 'Phone number.'),
        defineAttribute('type', 'Function of the phone number.', {
          canonicalValues: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
        }),
        primary,
      ],
    }),
    defineAttribute('addresses', 'Physical mailing addresses.', {
      multiValued: true,
      subAttributes: [
        defineAttribute('type', 'Function of the address.', { canonicalValues: ['work', 'home', 'other'] }),
        defineAttribute('streetAddress', 'Street address.'),
        defineAttribute('locality', 'City or locality.'),
        defineAttribute('region', 'State or region.'),
        defineAttribute('postalCode', 'Zip code or postal code.'),
        defineAttribute('country', 'Country name or ISO 3166-1 alpha-2 code.'),
        defineAttribute('formatted', 'The full mailing address, formatted for display.'),
        primary,
      ],
    }),
    defineAttribute('groups', 'Groups the user belongs to; changed through the Group resource only.', {
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [
        defineAttribute('value', 'The id of the group.', { mutability: 'readOnly', caseExact: true }),
        defineAttribute('$ref', 'URI of the group.', { type: 'reference', referenceTypes: ['Group'], mutability: 'readOnly', caseExact: true }),
        defineAttribute('display', 'Display name of the group.', { mutability: 'readOnly' }),
        defineAttribute('type', 'Direct or indirect membership.', { mutability: 'readOnly', canonicalValues: ['direct', 'indirect'] }),
      ],
    }),
  ],
};
