import '../../support/environment.js';
import '../../support/steady-state-caches.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { startTestApi } from '../../support/http-stack.js';
import { PATCH_OP, USER_SCHEMA, oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { consistencyProblems } from '../../support/table-consistency.js';
import { createTestTenant } from '../../support/tenant.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

let api: Awaited<ReturnType<typeof startTestApi>>;
let scim: ScimClient;
let tenantDomain: string;
let tenantId: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTestTenant();
  tenantDomain = tenant.domain;
  tenantId = tenant.tenantId;
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
});
afterAll(async () => api?.stop());

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
const filter = (expression: string) => `/Users?filter=${encodeURIComponent(expression)}`;
let sequence = 0;
const newUser = async (overrides: Record<string, unknown> = {}) => {
  sequence += 1;
  const response = await scim.post('/Users', oktaUser(`user.n${sequence}@${tenantDomain}`, overrides));
  expect(response.status).toBe(201);
  return response.body;
};

describe('DynamoDB requests per operation (steady state)', () => {
  it('lookup, create, deactivate and GET each take one request', async () => {
    // Warm the caches a warm function keeps: the resolved token and the company settings.
    await scim.post('/Users', oktaUser(`warm.up@${tenantDomain}`));
    const created = await countDynamoRequests(() => scim.post('/Users', oktaUser(`count.me@${tenantDomain}`)));
    expect(created.result.status).toBe(201);
    expect(created.operations).toEqual(['TransactWriteItemsCommand']);
    const id = created.result.body.id;

    const lookup = await countDynamoRequests(() => scim.get(filter(`userName eq "count.me@${tenantDomain}"`)));
    expect(lookup.result.body.totalResults).toBe(1);
    expect(lookup.operations).toEqual(['QueryCommand']);

    const read = await countDynamoRequests(() => scim.get(`/Users/${id}`));
    expect(read.result.status).toBe(200);
    expect(read.operations).toEqual(['GetItemCommand']);

    const deactivate = await countDynamoRequests(() => scim.patch(`/Users/${id}`, patch({ op: 'replace', value: { active: false } })));
    expect(deactivate.result.body.active).toBe(false);
    expect(deactivate.operations).toEqual(['UpdateItemCommand']);
  });
});

describe('uniqueness', () => {
  it('lets exactly one of 50 concurrent creates of a userName succeed, in any letter case', async () => {
    const spellings = [`race.one@${tenantDomain}`, `RACE.ONE@${tenantDomain.toUpperCase()}`, `Race.One@${tenantDomain}`];
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => scim.post('/Users', oktaUser(spellings[index % spellings.length]!))));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    for (const refused of results.filter((result) => result.status === 409)) expect(refused.body).toMatchObject({ scimType: 'uniqueness', status: '409' });
    const found = await scim.get(filter(`userName eq "race.one@${tenantDomain}"`));
    expect(found.body.totalResults).toBe(1);
    expect(await consistencyProblems(tenantId)).toEqual([]);
  });

  it('refuses a second user with the same externalId, and frees names on delete', async () => {
    const first = await newUser({ externalId: 'ext-shared' });
    const clash = await scim.post('/Users', oktaUser(`other.person@${tenantDomain}`, { externalId: 'ext-shared' }));
    expect(clash.status).toBe(409);
    expect((await scim.delete(`/Users/${first.id}`)).status).toBe(204);
    expect((await scim.get(`/Users/${first.id}`)).status).toBe(404);
    const reuse = await scim.post('/Users', oktaUser(first.userName, { externalId: 'ext-shared' }));
    expect(reuse.status).toBe(201);
    expect(reuse.body.id).not.toBe(first.id);
  });

  it('frees an externalId a PUT leaves out: the user drops out of the externalId lookup', async () => {
    const user = await newUser({ externalId: 'ext-dropped' });
    const { externalId: _dropped, ...withoutExternalId } = (await scim.get(`/Users/${user.id}`)).body;
    expect((await scim.put(`/Users/${user.id}`, withoutExternalId)).status).toBe(200);
    expect((await scim.get(filter('externalId eq "ext-dropped"'))).body.totalResults).toBe(0);
    expect((await scim.post('/Users', oktaUser(`took.ext@${tenantDomain}`, { externalId: 'ext-dropped' }))).status).toBe(201);
  });

  it('takes a fullwidth spelling for the same userName (PRECIS UsernameCaseMapped), and finds the user by it', async () => {
    const alice = await scim.post('/Users', oktaUser(`alice.look@${tenantDomain}`));
    expect(alice.status).toBe(201);
    const wide = [...`ALICE.LOOK@${tenantDomain}`].map((c) => (c >= '!' && c <= '~' ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join('');
    const clash = await scim.post('/Users', oktaUser(wide, { emails: [{ primary: true, value: `alice.wide@${tenantDomain}`, type: 'work' }] }));
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness' });
    const found = await scim.get(filter(`userName eq "${wide}"`));
    expect(found.body.Resources?.map((user: { id: string }) => user.id)).toEqual([alice.body.id]);
  });

  it.each([
    ['a zero-width space in userName', { userName: 'ali\u200Bce.zw@DOMAIN' }],
    ['a right-to-left override in userName', { userName: 'alice.\u202Emoc@DOMAIN' }],
    ['a control character in userName', { userName: 'alice\u0007.ctl@DOMAIN' }],
    ['a zero-width joiner in an email', { emails: [{ primary: true, value: 'al\u200Dice.zwj@DOMAIN', type: 'work' }] }],
    ['a bidi isolate in managerEmail', { 'urn:ietf:params:scim:schemas:extension:roster:2.0:User': { managerEmail: 'boss\u2066@DOMAIN' } }],
  ])('refuses %s with 400 invalidValue', async (_case, overrides) => {
    const withDomain = JSON.parse(JSON.stringify(overrides).replaceAll('DOMAIN', tenantDomain));
    const response = await scim.post('/Users', { ...oktaUser(`clean.name@${tenantDomain}`), ...withDomain });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '400', scimType: 'invalidValue', detail: expect.stringContaining('zero-width') });
  });

  it('refuses renaming onto a taken userName', async () => {
    const a = await newUser();
    const b = await newUser();
    const response = await scim.patch(`/Users/${b.id}`, patch({ op: 'replace', path: 'userName', value: a.userName.toUpperCase() }));
    expect(response.status).toBe(409);
    expect((await scim.get(`/Users/${b.id}`)).body.userName).toBe(b.userName);
  });
});

describe('PATCH shapes and client quirks', () => {
  it('applies each shape', async () => {
    const user = await newUser({ title: 'Engineer' });
    const cases: Array<[unknown, (body: any) => void]> = [
      [patch({ op: 'Replace', path: 'active', value: 'False' }), (body) => expect(body.active).toBe(false)],
      [patch({ op: 'replace', value: { active: 'True' } }), (body) => expect(body.active).toBe(true)],
      [patch({ op: 'replace', value: { 'name.givenName': 'Janet' } }), (body) => expect(body.name.givenName).toBe('Janet')],
      [patch({ op: 'add', path: 'emails[type eq "home"].value', value: `janet@home.test` }), (body) =>
        expect(body.emails).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'home', value: 'janet@home.test' })]))],
      [patch({ op: 'replace', path: `${ENTERPRISE}:employeeNumber`, value: 'E-42' }), (body) => expect(body[ENTERPRISE].employeeNumber).toBe('E-42')],
      [patch({ op: 'remove', path: 'title' }), (body) => expect(body).not.toHaveProperty('title')],
      [patch({ op: 'add', value: { title: 'Lead', displayName: 'Janet D' } }), (body) => expect(body).toMatchObject({ title: 'Lead', displayName: 'Janet D' })],
    ];
    for (const [body, check] of cases) {
      const response = await scim.patch(`/Users/${user.id}`, body);
      expect(response.status, JSON.stringify(body)).toBe(200);
      check(response.body);
      check((await scim.get(`/Users/${user.id}`)).body);
    }
  });

  it('rejects what it must, and changes nothing then', async () => {
    const user = await newUser();
    const before = (await scim.get(`/Users/${user.id}`)).body;
    const rejected: Array<[unknown, number, string | undefined]> = [
      [patch(), 400, 'invalidSyntax'],
      [{ schemas: [PATCH_OP] }, 400, 'invalidSyntax'],
      [patch({ op: 'replace', path: 'id', value: 'other' }), 400, 'mutability'],
      [patch({ op: 'add', path: 'groups', value: [{ value: 'g' }] }), 400, 'mutability'],
      [patch({ op: 'replace', path: 'title', value: 'Ok' }, { op: 'replace', path: 'nonsense', value: 1 }), 400, 'invalidPath'],
      [patch({ op: 'jump', path: 'title', value: 'x' }), 400, undefined],
    ];
    for (const [body, status, scimType] of rejected) {
      const response = await scim.patch(`/Users/${user.id}`, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.schemas).toEqual([ERROR_SCHEMA]);
      if (scimType) expect(response.body.scimType).toBe(scimType);
    }
    const after = (await scim.get(`/Users/${user.id}`)).body;
    expect(after).toEqual(before);
  });
});

describe('filters', () => {
  it('executes the forms clients send as key lookups', async () => {
    const user = await newUser({ externalId: 'ext-filter-1', emails: [{ value: `filter.work@${tenantDomain}`, type: 'work', primary: true }, { value: 'filter.home@home.test', type: 'home' }] });
    const expressions = [
      `userName eq "${user.userName}"`,
      `USERNAME EQ "${user.userName.toUpperCase()}"`,
      `externalId eq "ext-filter-1"`,
      `id eq "${user.id}"`,
      `emails.value eq "filter.home@home.test"`,
      `emails[type eq "work"].value eq "filter.work@${tenantDomain}"`,
      `emails[type eq "work" and value eq "FILTER.WORK@${tenantDomain}"]`,
      `userName eq "${user.userName}" and active eq true`,
      `externalId eq "ext-filter-1" or userName eq "nobody@${tenantDomain}"`,
    ];
    for (const expression of expressions) {
      const response = await scim.get(filter(expression));
      expect(response.status, expression).toBe(200);
      expect(response.body.Resources.map((resource: { id: string }) => resource.id), expression).toEqual([user.id]);
    }
    const wrongType = await scim.get(filter(`emails[type eq "home"].value eq "filter.work@${tenantDomain}"`));
    expect(wrongType.body.totalResults).toBe(0);
    const inactive = await scim.get(filter(`userName eq "${user.userName}" and active eq false`));
    expect(inactive.body.totalResults).toBe(0);
  });

  it('rejects filters it cannot run on a key with 400 invalidFilter, never an empty list', async () => {
    for (const expression of ['active eq true', 'title co "Eng"', 'not (userName eq "x")', 'userName ne "x"', 'userName eq', 'userName eq "a" or title pr', '(((']) {
      const response = await scim.get(filter(expression));
      expect(response.status, expression).toBe(400);
      expect(response.body).toMatchObject({ schemas: [ERROR_SCHEMA], scimType: 'invalidFilter' });
    }
  });
});

describe('attributes projection', () => {
  it('honours attributes and excludedAttributes, with id always returned and password never', async () => {
    const user = await newUser({ title: 'Projected' });
    const only = await scim.get(`/Users/${user.id}?attributes=userName,name.givenName`);
    expect(Object.keys(only.body).sort()).toEqual(['id', 'meta', 'name', 'schemas', 'userName'].sort());
    expect(only.body.name).toEqual({ givenName: user.name.givenName });
    const without = await scim.get(`/Users/${user.id}?excludedAttributes=emails,title`);
    expect(without.body).not.toHaveProperty('emails');
    expect(without.body).not.toHaveProperty('title');
    expect(without.body.userName).toBe(user.userName);
    const listed = await scim.get(`${filter(`id eq "${user.id}"`)}&attributes=userName`);
    expect(Object.keys(listed.body.Resources[0]).sort()).toEqual(['id', 'meta', 'schemas', 'userName'].sort());
    expect(JSON.stringify(await scim.get(`/Users/${user.id}?attributes=password`))).not.toContain('1mz050nq');
  });
});

describe('ETags', () => {
  it('answers 304 to a current If-None-Match and 412 to a stale If-Match', async () => {
    const user = await newUser();
    const read = await scim.get(`/Users/${user.id}`);
    const etag = read.headers.get('etag')!;
    expect(etag).toBe(read.body.meta.version);
    expect((await scim.get(`/Users/${user.id}`, { 'if-none-match': etag })).status).toBe(304);

    const updated = await scim.put(`/Users/${user.id}`, { ...read.body, title: 'First' }, { 'if-match': etag });
    expect(updated.status).toBe(200);
    const stale = await scim.put(`/Users/${user.id}`, { ...read.body, title: 'Second' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    const stalePatch = await scim.patch(`/Users/${user.id}`, patch({ op: 'replace', value: { active: false } }), { 'if-match': etag });
    expect(stalePatch.status).toBe(412);
    expect((await scim.delete(`/Users/${user.id}`, { 'if-match': etag })).status).toBe(412);
    expect((await scim.get(`/Users/${user.id}`)).body).toMatchObject({ title: 'First', active: true });
  });

  it('lets exactly one of 20 concurrent PUTs with the same If-Match win; the rest get 412', async () => {
    const user = await newUser();
    const read = await scim.get(`/Users/${user.id}`);
    const etag = read.headers.get('etag')!;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => scim.put(`/Users/${user.id}`, { ...read.body, title: `Writer ${index}` }, { 'if-match': etag })),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(19);
    for (const refused of results.filter((result) => result.status === 412)) expect(refused.body).toMatchObject({ status: '412', schemas: [ERROR_SCHEMA] });
    const winner = results.find((result) => result.status === 200)!;
    const after = await scim.get(`/Users/${user.id}`);
    expect(after.body.title).toBe(winner.body.title);
    expect(after.headers.get('etag')).toBe(winner.headers.get('etag'));
  });
});

describe('bad requests', () => {
  it('answers SCIM errors, never 500', async () => {
    const malformed = await scim.call('POST', '/Users', '{"userName": ', {});
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ scimType: 'invalidSyntax', status: '400' });

    const wrongType = await scim.call('POST', '/Users', JSON.stringify(oktaUser(`x@${tenantDomain}`)), { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.schemas).toEqual([ERROR_SCHEMA]);

    const unknownSchema = await scim.post('/Users', { ...oktaUser(`y@${tenantDomain}`), schemas: [USER_SCHEMA, 'urn:example:unknown'] });
    expect(unknownSchema.status).toBe(400);
    expect(unknownSchema.body.detail).toContain('urn:example:unknown');

    const badActive = await scim.post('/Users', oktaUser(`z@${tenantDomain}`, { active: 'maybe' }));
    expect(badActive.status).toBe(400);
    expect(badActive.body.scimType).toBe('invalidValue');

    const huge = await scim.post('/Users', oktaUser(`big@${tenantDomain}`, { title: 'x'.repeat(1024 * 1024 + 1) }));
    expect(huge.status).toBe(413);

    const json = await scim.call('POST', '/Users', JSON.stringify(oktaUser(`plain.json@${tenantDomain}`)), { 'content-type': 'application/json' });
    expect(json.status).toBe(201);
  });
});
