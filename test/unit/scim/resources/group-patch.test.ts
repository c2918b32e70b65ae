import { describe, expect, it } from 'vitest';
import { attributePatchBody, planGroupPatch, type MemberStep } from '../../../../shared/scim/resources/group-patch.js';
import { GROUP_SCHEMA, PATCH_OP } from '../../../../shared/scim/schema/urns.js';
import { errorOf, patchBody } from '../support.js';

const plan = (...operations: unknown[]) => planGroupPatch(patchBody(...operations));
const stepsOf = (...operations: unknown[]) => plan(...operations).memberSteps;
const member = (value: string) => ({ value, display: `${value}@example.com` });

describe('planGroupPatch', () => {
  describe("Okta's membership shapes", () => {
    it('keeps a remove and an add of one PATCH, in order', () => {
      expect(
        plan({ op: 'remove', path: 'members[value eq "u-1"]' }, { op: 'add', path: 'members', value: [member('u-2')] }),
      ).toEqual({ attributeOperations: [], memberSteps: [{ kind: 'remove', ids: ['u-1'] }, { kind: 'add', ids: ['u-2'] }] });
    });

    it.each<[string, unknown, MemberStep]>([
      ['members[value eq "x"]', { op: 'remove', path: 'members[value eq "u-1"]' }, { kind: 'remove', ids: ['u-1'] }],
      ['value eq … or value eq …', { op: 'remove', path: 'members[value eq "a" or value eq "b" or value eq "c"]' }, { kind: 'remove', ids: ['a', 'b', 'c'] }],
      ['an upper-case VALUE in the filter', { op: 'remove', path: 'members[VALUE eq "a"]' }, { kind: 'remove', ids: ['a'] }],
      ['a remove with a value list (Entra)', { op: 'remove', path: 'members', value: [{ value: 'a' }, { value: ' b ' }] }, { kind: 'remove', ids: ['a', 'b'] }],
      ['a remove with one member object', { op: 'remove', path: 'members', value: { value: 'a' } }, { kind: 'remove', ids: ['a'] }],
      ['a remove with an empty list', { op: 'remove', path: 'members', value: [] }, { kind: 'remove', ids: [] }],
      ['a remove of every member', { op: 'remove', path: 'members' }, { kind: 'removeAll' }],
      ['a remove with a null value', { op: 'remove', path: 'members', value: null }, { kind: 'removeAll' }],
      ['"Push now" of an empty group', { op: 'replace', path: 'members', value: [] }, { kind: 'replace', ids: [] }],
      ['"Push now" of a list', { op: 'replace', path: 'members', value: [member('a'), member('b')] }, { kind: 'replace', ids: ['a', 'b'] }],
      ['an add', { op: 'add', path: 'members', value: [member('a')] }, { kind: 'add', ids: ['a'] }],
      ['an add of a single object', { op: 'add', path: 'members', value: member('a') }, { kind: 'add', ids: ['a'] }],
      ['op and path in any case', { OP: 'Add', PATH: 'Members', VALUE: [{ Value: 'a' }] }, { kind: 'add', ids: ['a'] }],
      ['a URN-qualified path', { op: 'add', path: `${GROUP_SCHEMA}:members`, value: [member('a')] }, { kind: 'add', ids: ['a'] }],
      ['a path-less add of members', { op: 'add', value: { members: [member('a')] } }, { kind: 'add', ids: ['a'] }],
      ['a path-less replace of members', { op: 'replace', value: { Members: [] } }, { kind: 'replace', ids: [] }],
      ['a path-less URN-qualified members key', { op: 'add', value: { [`${GROUP_SCHEMA}:members`]: [member('a')] } }, { kind: 'add', ids: ['a'] }],
    ])('%s', (_label, operation, step) => {
      expect(plan(operation)).toEqual({ attributeOperations: [], memberSteps: [step] });
    });
  });

  it('takes members from every spelling of the key in one path-less value, leaving no attribute operation', () => {
    expect(plan({ op: 'add', value: { members: [member('a')], [`${GROUP_SCHEMA}:MEMBERS`]: [member('b')] } })).toEqual({
      attributeOperations: [],
      memberSteps: [{ kind: 'add', ids: ['a'] }, { kind: 'add', ids: ['b'] }],
    });
  });

  describe('removal by any other filter needs the member list', () => {
    it.each([
      ['members[display eq "jane"]', { value: 'u-1', display: 'jane' }, { value: 'u-2', display: 'john' }],
      ['members[value ne "u-2"]', { value: 'u-1' }, { value: 'u-2' }],
      ['members[value eq "u-1" and display eq "jane"]', { value: 'u-1', display: 'jane' }, { value: 'u-1', display: 'john' }],
      ['members[value eq "u-1" or display eq "jane"]', { value: 'u-3', display: 'jane' }, { value: 'u-2', display: 'john' }],
      ['members[value sw "u-1"]', { value: 'u-10' }, { value: 'u-2' }],
    ])('%s', (path, matching, other) => {
      const [step] = stepsOf({ op: 'remove', path });
      if (step?.kind !== 'removeMatching') throw new Error(`expected removeMatching, got ${JSON.stringify(step)}`);
      expect(step.matches(matching)).toBe(true);
      expect(step.matches(other)).toBe(false);
    });
  });

  describe('attribute operations', () => {
    it("sends Okta's rename, echoed id included, to the attribute operations", () => {
      expect(plan({ op: 'replace', value: { id: 'g-1', displayName: 'Sales EMEA' } })).toEqual({
        attributeOperations: [{ op: 'replace', value: { id: 'g-1', displayName: 'Sales EMEA' }, index: 0 }],
        memberSteps: [],
      });
    });

    it('splits a path-less value into members and the rest', () => {
      const operation = { op: 'replace', value: { displayName: 'Sales EMEA', members: [member('a')], externalId: 'x' } };
      expect(plan(operation)).toEqual({
        attributeOperations: [{ op: 'replace', value: { displayName: 'Sales EMEA', externalId: 'x' }, index: 0 }],
        memberSteps: [{ kind: 'replace', ids: ['a'] }],
      });
      expect(operation.value.members).toHaveLength(1);
    });

    it.each([
      [{ op: 'replace', path: 'displayName', value: 'Sales EMEA' }],
      [{ op: 'remove', path: 'externalId' }],
      [{ op: 'add', path: `${GROUP_SCHEMA}:displayName`, value: 'x' }],
    ])('%j', (operation) => {
      const { attributeOperations, memberSteps } = plan(operation);
      expect(memberSteps).toEqual([]);
      expect(attributeOperations).toHaveLength(1);
      expect(attributeOperations[0]).toMatchObject({ op: operation.op, path: operation.path });
    });

    it('keeps the index of each operation for error details', () => {
      const { attributeOperations } = plan({ op: 'add', path: 'members', value: [] }, { op: 'replace', path: 'displayName', value: 'x' });
      expect(attributeOperations[0]?.index).toBe(1);
    });
  });

  describe('attributePatchBody', () => {
    it('rebuilds a PatchOp body from the attribute operations only', () => {
      const groupPlan = plan({ op: 'replace', value: { displayName: 'A', members: [] } }, { op: 'replace', path: 'externalId', value: 'x' });
      expect(attributePatchBody(groupPlan)).toEqual({
        schemas: [PATCH_OP],
        Operations: [
          { op: 'replace', value: { displayName: 'A' } },
          { op: 'replace', path: 'externalId', value: 'x' },
        ],
      });
    });
  });

  describe('refuses', () => {
    it.each([
      ['a nested group in an add', { op: 'add', path: 'members', value: [{ value: 'g-2', type: 'Group' }] }, 'invalidValue', /nested groups/],
      ['a nested group in a replace', { op: 'replace', path: 'members', value: [{ value: 'g-2', TYPE: 'group' }] }, 'invalidValue', /nested groups/],
      ['a nested group in a path-less add', { op: 'add', value: { members: [{ value: 'g-2', type: 'Group' }] } }, 'invalidValue', /nested groups/],
      ['a member without value', { op: 'add', path: 'members', value: [{ display: 'jane' }] }, 'invalidValue', /value\[0\].*non-empty "value"/],
      ['a blank member value', { op: 'add', path: 'members', value: [{ value: '  ' }] }, 'invalidValue', /non-empty "value"/],
      ['a numeric member value', { op: 'add', path: 'members', value: [{ value: 42 }] }, 'invalidValue', /non-empty "value"/],
      ['a bare id', { op: 'add', path: 'members', value: ['u-1'] }, 'invalidValue', /member object/],
      ['an add with a filter', { op: 'add', path: 'members[value eq "a"]', value: [member('a')] }, 'invalidPath', /without a filter/],
      ['a replace with a filter', { op: 'replace', path: 'members[value eq "a"]', value: [member('a')] }, 'invalidPath', /without a filter/],
      ['a sub-attribute path', { op: 'replace', path: 'members.display', value: 'x' }, 'invalidPath', /as a whole/],
      ['a filtered sub-attribute path', { op: 'remove', path: 'members[value eq "a"].display' }, 'invalidPath', /as a whole/],
      ['a filter on an unknown sub-attribute', { op: 'remove', path: 'members[bogus eq "a"]' }, 'invalidPath', /bogus/],
      ['an unknown attribute', { op: 'replace', path: 'owners', value: 'x' }, 'invalidPath', /Unknown attribute "owners"/],
      ['a path-less remove', { op: 'remove' }, 'noTarget', /needs a path/],
      ['a path-less value that is not an object', { op: 'replace', value: [member('a')] }, 'invalidValue', /object of attributes/],
      ['a path-less string value', { op: 'replace', value: 'Sales' }, 'invalidValue', /object of attributes/],
      ['an unknown op', { op: 'merge', path: 'members', value: [] }, 'invalidSyntax', /op/],
      ['an add without value', { op: 'add', path: 'members' }, 'invalidValue', /needs a "value"/],
    ])('%s', (_label, operation, scimType, detail) => {
      const error = errorOf(() => plan(operation));
      expect(error).toMatchObject({ status: 400, scimType });
      expect(error.detail).toMatch(detail);
    });

    it.each([
      ['a body that is not an object', 'members'],
      ['a body without the PatchOp schema', { schemas: [GROUP_SCHEMA], Operations: [{ op: 'remove', path: 'members' }] }],
      ['empty Operations', { schemas: [PATCH_OP], Operations: [] }],
    ])('%s', (_label, body) => {
      expect(errorOf(() => planGroupPatch(body))).toMatchObject({ status: 400, scimType: 'invalidSyntax' });
    });

    it('names the operation and the element at fault', () => {
      const error = errorOf(() => plan({ op: 'add', path: 'members', value: [member('a')] }, { op: 'add', path: 'members', value: [member('b'), {}] }));
      expect(error.detail).toContain('Operations[1].value[1]');
    });

    it('more than 10 000 members in one operation', () => {
      const members = Array.from({ length: 10_001 }, (_, index) => ({ value: `u-${index}` }));
      expect(errorOf(() => plan({ op: 'replace', path: 'members', value: members })).detail).toMatch(/at most 10000 members/);
      expect(stepsOf({ op: 'replace', path: 'members', value: members.slice(1) })[0]).toMatchObject({ kind: 'replace' });
    });
  });
});
