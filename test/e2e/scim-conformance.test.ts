import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack-process.js';
import { PATCH_OP, USER_SCHEMA } from '../support/scim-client.js';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const SEARCH = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

/** Valid values drawn from a fixed seed, so a failure replays: names, titles, numbers. */
const SEED = 20_261_201;
const word = fc.stringMatching(/^[A-Z][a-z]{2,10}$/);
const draw = <T>(arbitrary: fc.Arbitrary<T>, count: number) => fc.sample(arbitrary, { seed: SEED, numRuns: count });
// Unique per run: the local stack keeps its data between runs.
const run = randomUUID().slice(0, 8);

/**
 * Roster's own SCIM conformance pass, as the public suites run one (RFC 7644 per endpoint:
 * discovery, create, read, replace, patch, delete, search, filter, paging, attributes on Users and
 * Groups), against the local stack started as a user starts it.
 */
describe('SCIM conformance against `npm start`', () => {
  const local = useLocalStack();
  const domain = () => local.stack.info.primaryDomain;
  const errorOf = (body: any, status: number, scimType?: string) =>
    expect(body).toMatchObject({ schemas: [ERROR], status: String(status), ...(scimType ? { scimType } : {}) });
  const ids = (body: any) => body.Resources.map((resource: any) => resource.id);
  const generatedUser = (index: number) => {
    const [givenName, familyName, title] = draw(word, 3 * (index + 1)).slice(3 * index);
    const userName = `${givenName}.${familyName}.${run}${index}@${domain()}`.toLowerCase();
    return {
      schemas: [USER_SCHEMA, ENTERPRISE],
      userName,
      externalId: `conf-${run}-${index}`,
      name: { givenName, familyName },
      displayName: `${givenName} ${familyName}`,
      title,
      active: true,
      emails: [{ value: userName, type: 'work', primary: true }],
      phoneNumbers: [{ value: `+1 212 555 01${String(10 + index).padStart(2, '0')}`, type: 'work' }],
      [ENTERPRISE]: { employeeNumber: `E${run}${index}` },
    };
  };

  it('discovery: ServiceProviderConfig, ResourceTypes and the Schemas they name', async () => {
    const config = await local.scim.get('/ServiceProviderConfig');
    expect(config.body).toMatchObject({ patch: { supported: true }, filter: { supported: true }, etag: { supported: true } });
    const types = await local.scim.get('/ResourceTypes');
    expect(types.body).toMatchObject({ schemas: [LIST] });
    for (const type of types.body.Resources) {
      expect((await local.scim.get(`/ResourceTypes/${type.id}`)).body.id).toBe(type.id);
      for (const urn of [type.schema, ...(type.schemaExtensions ?? []).map((extension: any) => extension.schema)]) {
        const schema = await local.scim.get(`/Schemas/${urn}`);
        expect(schema.status, urn).toBe(200);
        expect(schema.body.attributes.length).toBeGreaterThan(0);
      }
    }
    errorOf((await local.scim.get('/Schemas/urn:example:none')).body, 404);
  });

  it('Users: create, read, filter, attributes, search, replace, patch, delete', async () => {
    const body = generatedUser(0);
    const created = await local.scim.post('/Users', body);
    expect(created.status, created.text).toBe(201);
    const user = created.body;
    expect(user).toMatchObject({ userName: body.userName, name: body.name, title: body.title, [ENTERPRISE]: body[ENTERPRISE] });
    expect(created.headers.get('location')).toBe(user.meta.location);
    expect(created.headers.get('etag')).toBe(user.meta.version);

    const read = await local.scim.get(`/Users/${user.id}`);
    expect(read.body).toEqual(user);
    expect((await local.scim.get(`/Users/${user.id}`, { 'if-none-match': user.meta.version })).status).toBe(304);

    for (const filter of [`userName eq "${body.userName.toUpperCase()}"`, `externalId eq "${body.externalId}"`, `id eq "${user.id}"`, `emails[type eq "work"].value eq "${body.userName}"`, `userName eq "${body.userName}" and title eq "${body.title}"`]) {
      const found = await local.scim.get(`/Users?filter=${encodeURIComponent(filter)}`);
      expect(found.body, filter).toMatchObject({ schemas: [LIST], totalResults: 1 });
      expect(ids(found.body)).toEqual([user.id]);
    }
    const none = await local.scim.get(`/Users?filter=${encodeURIComponent(`userName eq "nobody.${run}@${domain()}"`)}`);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
    errorOf((await local.scim.get(`/Users?filter=${encodeURIComponent('userName eq')}`)).body, 400, 'invalidFilter');

    const only = (await local.scim.get(`/Users/${user.id}?attributes=userName`)).body;
    // id and schemas are always returned; meta is Roster's too (RFC 7643 leaves its "returned" open).
    expect(Object.keys(only).sort()).toEqual(['id', 'meta', 'schemas', 'userName']);
    const without = (await local.scim.get(`/Users/${user.id}?excludedAttributes=emails,phoneNumbers`)).body;
    expect(without).not.toHaveProperty('emails');
    expect(without).not.toHaveProperty('phoneNumbers');
    expect(without.userName).toBe(body.userName);

    const searched = await local.scim.post('/Users/.search', { schemas: [SEARCH], filter: `userName eq "${body.userName}"`, attributes: ['userName'] });
    expect(searched.status).toBe(200);
    expect(searched.body.Resources).toEqual([only]);

    const replaced = await local.scim.put(`/Users/${user.id}`, { ...body, title: 'Replaced title' }, { 'if-match': user.meta.version });
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.body.title).toBe('Replaced title');
    expect(replaced.body.meta.version).not.toBe(user.meta.version);
    errorOf((await local.scim.put(`/Users/${user.id}`, body, { 'if-match': user.meta.version })).body, 412);

    const patched = await local.scim.patch(`/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'name.givenName', value: 'Patched' },
        { op: 'add', path: 'phoneNumbers', value: [{ value: '+1 212 555 0199', type: 'mobile' }] },
        { op: 'remove', path: 'title' },
      ],
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.name.givenName).toBe('Patched');
    expect(patched.body.phoneNumbers).toHaveLength(2);
    expect(patched.body).not.toHaveProperty('title');
    errorOf((await local.scim.patch(`/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'id', value: 'x' }] })).body, 400, 'mutability');
    errorOf((await local.scim.post('/Users', { ...body, externalId: undefined })).body, 409, 'uniqueness');

    expect((await local.scim.delete(`/Users/${user.id}`)).status).toBe(204);
    errorOf((await local.scim.get(`/Users/${user.id}`)).body, 404);
    errorOf((await local.scim.delete(`/Users/${user.id}`)).body, 404);
  });

  it('Users: paging by startIndex and by cursor covers each user once', async () => {
    const created: string[] = [];
    for (let index = 1; index <= 5; index += 1) {
      const response = await local.scim.post('/Users', generatedUser(index));
      expect(response.status, response.text).toBe(201);
      created.push(response.body.id);
    }
    const total = (await local.scim.get('/Users?count=0')).body.totalResults;
    const byIndex: string[] = [];
    for (let startIndex = 1; startIndex <= total; startIndex += 40) {
      const page = (await local.scim.get(`/Users?startIndex=${startIndex}&count=40&attributes=id`)).body;
      expect(page).toMatchObject({ startIndex, totalResults: total });
      byIndex.push(...ids(page));
    }
    const byCursor: string[] = [];
    for (let cursor = '', pages = 0; pages < 100; pages += 1) {
      const page = (await local.scim.post('/Users/.search', { schemas: [SEARCH], cursor, count: 40, attributes: ['id'] })).body;
      byCursor.push(...ids(page));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    for (const walk of [byIndex, byCursor]) {
      expect(new Set(walk).size).toBe(walk.length);
      expect(walk).toHaveLength(total);
      expect(walk).toEqual(expect.arrayContaining(created));
    }
  });

  it('Groups: create, read, filter, attributes, search, replace, patch members, delete', async () => {
    const members = [];
    for (const index of [6, 7]) members.push((await local.scim.post('/Users', generatedUser(index))).body.id);
    const displayName = `${draw(word, 1)[0]} ${run}`;
    const created = await local.scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName, externalId: `g-${run}`, members: [{ value: members[0] }] });
    expect(created.status, created.text).toBe(201);
    const group = created.body;
    expect(group.members.map((member: any) => member.value)).toEqual([members[0]]);
    expect((await local.scim.get(`/Groups/${group.id}`)).body).toEqual(group);

    for (const filter of [`displayName eq "${displayName.toLowerCase()}"`, `externalId eq "g-${run}"`, `members[value eq "${members[0]}"]`]) {
      const found = (await local.scim.get(`/Groups?filter=${encodeURIComponent(filter)}`)).body;
      expect(ids(found), filter).toEqual([group.id]);
    }
    expect((await local.scim.get(`/Groups/${group.id}?excludedAttributes=members`)).body).not.toHaveProperty('members');
    const searched = (await local.scim.post('/.search', { schemas: [SEARCH], filter: `id eq "${group.id}"` })).body;
    expect(searched.Resources.map((resource: any) => resource.meta.resourceType)).toEqual(['Group']);

    const added = await local.scim.patch(`/Groups/${group.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: members[1] }] }] });
    expect(added.status).toBe(204);
    const removed = await local.scim.patch(`/Groups/${group.id}?attributes=members`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${members[0]}"]` }],
    });
    expect(removed.body.members.map((member: any) => member.value)).toEqual([members[1]]);
    const renamed = await local.scim.put(`/Groups/${group.id}`, { schemas: [GROUP_SCHEMA], displayName: `${displayName} renamed`, members: [{ value: members[0] }] });
    expect(renamed.body).toMatchObject({ displayName: `${displayName} renamed`, members: [{ value: members[0] }] });
    errorOf((await local.scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: `${displayName} RENAMED` })).body, 409, 'uniqueness');

    expect((await local.scim.delete(`/Groups/${group.id}`)).status).toBe(204);
    errorOf((await local.scim.get(`/Groups/${group.id}`)).body, 404);
    expect((await local.scim.get(`/Users/${members[0]}`)).body.groups ?? []).toEqual([]);
  });
});
