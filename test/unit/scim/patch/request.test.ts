import { describe, expect, it } from 'vitest';
import { parsePatchRequest } from '../../../../shared/scim/patch/request.js';
import { PATCH_OP } from '../../../../shared/scim/schema/urns.js';
import { errorOf, patchBody } from '../support.js';

describe('parsePatchRequest', () => {
  it('reads the operations in order, op in any letter case', () => {
    expect(
      parsePatchRequest(
        patchBody(
          { op: 'Replace', value: { active: false } },
          { op: 'ADD', path: 'members', value: [{ value: 'u-1' }] },
          { op: 'remove', path: ' members[value eq "u-2"] ' },
          { op: 'rEmOvE', path: 'title', value: null },
        ),
      ),
    ).toEqual([
      { op: 'replace', value: { active: false }, index: 0 },
      { op: 'add', path: 'members', value: [{ value: 'u-1' }], index: 1 },
      { op: 'remove', path: 'members[value eq "u-2"]', index: 2 },
      { op: 'remove', path: 'title', value: null, index: 3 },
    ]);
  });

  it('treats an empty path as no path', () => {
    expect(parsePatchRequest(patchBody({ op: 'replace', path: '', value: { active: true } }))).toEqual([
      { op: 'replace', value: { active: true }, index: 0 },
    ]);
  });

  it('accepts message attribute names in any case, as SCIM attribute names are', () => {
    expect(parsePatchRequest({ Schemas: [PATCH_OP.toLowerCase()], operations: [{ OP: 'add', Path: 'title', Value: 'x' }] })).toEqual([
      { op: 'add', path: 'title', value: 'x', index: 0 },
    ]);
  });

  it.each<[string, unknown, string, string]>([
    ['a non-object body', [], 'invalidSyntax', 'must be a JSON object'],
    ['a null body', null, 'invalidSyntax', 'must be a JSON object'],
    ['missing schemas', { Operations: [{ op: 'add', path: 'title', value: 'x' }] }, 'invalidSyntax', `must contain "${PATCH_OP}"`],
    ['another schema', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], Operations: [] }, 'invalidSyntax', 'PatchOp'],
    ['missing Operations', { schemas: [PATCH_OP] }, 'invalidSyntax', '"Operations" array'],
    ['Operations not an array', { schemas: [PATCH_OP], Operations: { op: 'add' } }, 'invalidSyntax', '"Operations" array'],
    ['empty Operations', { schemas: [PATCH_OP], Operations: [] }, 'invalidSyntax', '"Operations" is empty'],
    ['an operation that is not an object', patchBody('add'), 'invalidSyntax', 'Operations[0] must be an object'],
    ['a missing op', patchBody({ path: 'title', value: 'x' }), 'invalidSyntax', 'Operations[0].op is missing'],
    ['an unknown op', patchBody({ op: 'add', path: 'a', value: 1 }, { op: 'update', path: 'title', value: 'x' }), 'invalidSyntax', 'Operations[1].op is "update"'],
    ['a non-string op', patchBody({ op: 1, path: 'title', value: 'x' }), 'invalidSyntax', 'Operations[0].op is 1'],
    ['a non-string path', patchBody({ op: 'add', path: 5, value: 'x' }), 'invalidSyntax', 'Operations[0].path must be a string'],
    ['add without value', patchBody({ op: 'add', path: 'title' }), 'invalidValue', '"add" needs a "value"'],
    ['replace without value', patchBody({ op: 'Replace', path: 'title' }), 'invalidValue', '"replace" needs a "value"'],
  ])('rejects %s', (_case, body, scimType, detail) => {
    const error = errorOf(() => parsePatchRequest(body));
    expect(error).toMatchObject({ status: 400, scimType });
    expect(error.detail).toContain(detail);
  });
});
