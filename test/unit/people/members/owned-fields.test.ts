import { describe, expect, it } from 'vitest';
import { OWNED_FIELDS, readOwnedFields, writeOwnedFields } from '../../../../shared/people/members/owned-fields.js';
import { ROSTER_USER_SCHEMA } from '../../../../shared/people/members/profile-document.js';
import { guardObjectPrototype } from '../../support/prototype.js';

const ROSTER = ROSTER_USER_SCHEMA;
const CORE = ['title', 'phoneNumbers', 'timezone'];
const IN_ROSTER_EXTENSION = ['primaryPhoneExtension', 'managerEmail', 'managerFullName', 'country', 'stateOrProvince'];

describe('owned fields', () => {
  guardObjectPrototype();

  it("tracks the article's optional fields", () => {
    expect(Object.keys(OWNED_FIELDS).sort()).toEqual([...CORE, ...IN_ROSTER_EXTENSION].sort());
  });

  it('reads every field, undefined when absent', () => {
    expect(readOwnedFields({})).toEqual(Object.fromEntries([...CORE, ...IN_ROSTER_EXTENSION].map((field) => [field, undefined])));
  });

  it.each([
    ...CORE.map((field) => [field, { [field]: 'v' }] as const),
    ...IN_ROSTER_EXTENSION.map((field) => [field, { [ROSTER]: { [field]: 'v' } }] as const),
  ])('finds %s where SCIM keeps it', (field, attributes) => {
    expect(readOwnedFields(attributes)[field]).toBe('v');
    const written: Record<string, unknown> = {};
    writeOwnedFields(written, { [field]: 'v' });
    expect(written).toEqual(attributes);
  });

  it('writes into the Roster extension without losing its other attributes or the input object', () => {
    const extension = { country: 'FR', resolvedTimeZone: 'Europe/Paris' };
    const attributes: Record<string, unknown> = { title: 'Engineer', [ROSTER]: extension };
    writeOwnedFields(attributes, { managerEmail: 'boss@example.com', title: 'CTO', phoneNumbers: [{ value: '+33123456789' }] });
    expect(attributes).toEqual({
      title: 'CTO',
      phoneNumbers: [{ value: '+33123456789' }],
      [ROSTER]: { country: 'FR', resolvedTimeZone: 'Europe/Paris', managerEmail: 'boss@example.com' },
    });
    expect(extension).toEqual({ country: 'FR', resolvedTimeZone: 'Europe/Paris' });
  });

  it('round-trips what it reads', () => {
    const source = { title: 'T', timezone: 'UTC', [ROSTER]: { country: 'FR', managerFullName: 'John Doe' } };
    const copy: Record<string, unknown> = {};
    writeOwnedFields(copy, readOwnedFields(source));
    expect(readOwnedFields(copy)).toEqual(readOwnedFields(source));
  });

  it.each([['userName'], ['active'], ['__proto__'], ['constructor'], ['toString'], ['hasOwnProperty']])('ignores %s, which is not an owned field', (field) => {
    const attributes: Record<string, unknown> = { userName: 'a' };
    writeOwnedFields(attributes, JSON.parse(`{"${field}": {"polluted": true}}`));
    expect(attributes).toEqual({ userName: 'a' });
  });

  it('tolerates a Roster extension that is not an object', () => {
    expect(readOwnedFields({ [ROSTER]: undefined }).country).toBeUndefined();
  });
});
