import { describe, expect, it } from 'vitest';
import { identifier, managerReferenceOf } from '../../../../shared/people/members/member-identifiers.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA } from '../../../../shared/people/members/profile-document.js';

const ROSTER = ROSTER_USER_SCHEMA;

describe('identifier', () => {
  it('builds every identifier kind with its prefix', () => {
    expect([identifier.email('A@B.C'), identifier.employeeNumber('7'), identifier.fullName('a b'), identifier.id('u'), identifier.externalId('X')]).toEqual([
      'email:a@b.c',
      'employeeNumber:7',
      'fullName:a b',
      'id:u',
      'externalId:X',
    ]);
  });
});

describe('managerReferenceOf', () => {
  it.each([
    [{}, {}],
    [{ [ROSTER]: { managerEmail: '  Boss@Example.COM ' } }, { email: 'boss@example.com' }],
    [{ [ENTERPRISE_USER_SCHEMA]: { manager: { value: ' 00u123 ' } } }, { value: '00u123' }],
    [{ [ROSTER]: { managerFullName: '  JOHN   doe ' } }, { fullNameKey: 'john doe' }],
    [
      { [ROSTER]: { managerEmail: 'b@example.com', managerFullName: 'ZOË  Núñez' }, [ENTERPRISE_USER_SCHEMA]: { manager: { value: 'E-1' } } },
      { email: 'b@example.com', value: 'E-1', fullNameKey: 'zoë núñez' },
    ],
    [{ [ROSTER]: { managerEmail: '   ', managerFullName: '\u200b' }, [ENTERPRISE_USER_SCHEMA]: { manager: { value: '' } } }, {}],
    [{ [ENTERPRISE_USER_SCHEMA]: { manager: {} } }, {}],
  ])('%j → %j', (attributes, reference) => {
    expect(managerReferenceOf(attributes)).toEqual(reference);
  });
});
