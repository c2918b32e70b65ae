import { ROSTER_USER_SCHEMA } from './profile-document.js';

type Attributes = Record<string, unknown>;

/**
 * The optional profile fields of the article whose ownership is tracked (field-ownership.ts), and
 * where each lives in the profile document.
 */
const rosterField = (name: string) => ({
  read: (attributes: Attributes) => (attributes[ROSTER_USER_SCHEMA] as Attributes | undefined)?.[name],
  write: (attributes: Attributes, value: unknown) => {
    attributes[ROSTER_USER_SCHEMA] = { ...((attributes[ROSTER_USER_SCHEMA] as Attributes | undefined) ?? {}), [name]: value };
  },
});
const coreField = (name: string) => ({
  read: (attributes: Attributes) => attributes[name],
  write: (attributes: Attributes, value: unknown) => {
    attributes[name] = value;
  },
});

export const OWNED_FIELDS = {
  title: coreField('title'),
  phoneNumbers: coreField('phoneNumbers'),
  timezone: coreField('timezone'),
  primaryPhoneExtension: rosterField('primaryPhoneExtension'),
  managerEmail: rosterField('managerEmail'),
  managerFullName: rosterField('managerFullName'),
  country: rosterField('country'),
  stateOrProvince: rosterField('stateOrProvince'),
} as const;

export type OwnedField = keyof typeof OWNED_FIELDS;

/**
 * Owned fields the profile rules can fill from another one: the extension written in the phone
 * number ("(212) 575-1994 ext 3437") becomes `primaryPhoneExtension` (normalize-profile.ts), and
 * is owned as the number is (withDerivedSources).
 */
export const DERIVED_FIELDS: Readonly<Partial<Record<OwnedField, OwnedField>>> = { primaryPhoneExtension: 'phoneNumbers' };

/** Values for the owned fields, as a hand edit sets them. */
export type OwnedFieldValues = {
  title?: string;
  phoneNumbers?: Array<{ value: string; type?: string; primary?: boolean }>;
  timezone?: string;
  primaryPhoneExtension?: string;
  managerEmail?: string;
  managerFullName?: string;
  country?: string;
  stateOrProvince?: string;
};

export function readOwnedFields(attributes: Attributes): Record<string, unknown> {
  return Object.fromEntries(Object.entries(OWNED_FIELDS).map(([field, access]) => [field, access.read(attributes)]));
}

export function writeOwnedFields(attributes: Attributes, values: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(values)) {
    // Own keys only: "constructor", "toString" or "__proto__" would reach Object.prototype and throw.
    if (Object.hasOwn(OWNED_FIELDS, field)) OWNED_FIELDS[field as OwnedField].write(attributes, value);
  }
}
