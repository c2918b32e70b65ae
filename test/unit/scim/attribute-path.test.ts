import { describe, expect, it } from 'vitest';
import { formatAttributePath, parseAttributePath } from '../../../shared/scim/attribute-path.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('parseAttributePath', () => {
  it.each<[string, object]>([
    ['userName', { attribute: 'userName' }],
    ['name.givenName', { attribute: 'name', subAttribute: 'givenName' }],
    ['members.$ref', { attribute: 'members', subAttribute: '$ref' }],
    [`${ENTERPRISE}:manager.value`, { schema: ENTERPRISE, attribute: 'manager', subAttribute: 'value' }],
    [`${ENTERPRISE}:employeeNumber`, { schema: ENTERPRISE, attribute: 'employeeNumber' }],
  ])('%s', (text, expected) => {
    expect(parseAttributePath(text)).toEqual(expected);
    expect(formatAttributePath(parseAttributePath(text)!)).toBe(text);
  });

  it.each(['', 'a.b.c', '1abc', 'name.', '.name', 'urn:', `${ENTERPRISE}:`, 'not-a-urn:userName', 'user name', 'a-$b'])(
    'rejects %j',
    (text) => {
      expect(parseAttributePath(text)).toBeUndefined();
    },
  );
});
