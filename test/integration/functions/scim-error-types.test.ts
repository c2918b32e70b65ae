import '../../support/environment.js';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScimType } from '../../../shared/errors.js';
import { startTestApi } from '../../support/http-stack.js';
import { PATCH_OP, oktaUser, scimClient, type ScimClient, type ScimResponse } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

let api: Awaited<ReturnType<typeof startTestApi>>;
let scim: ScimClient;
let tenant: TestTenant;
let user: { id: string; userName: string };

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant();
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  const created = await scim.post('/Users', oktaUser(`errors.one@${tenant.domain}`));
  expect(created.status).toBe(201);
  user = created.body;
});
afterAll(async () => api?.stop());

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
/** The files under shared/ that spell a scimType out. */
const sourcesNaming = (scimType: string) =>
  readdirSync(join(root, 'shared'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && readFileSync(join(root, 'shared', file), 'utf8').includes(`'${scimType}'`))
    .map((file) => `shared/${file}`);

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
type Case =
  | { status: number; when: string; request: () => Promise<ScimResponse> }
  | { neverSent: string }
  | { testedIn: string };

/**
 * Every scimType of RFC 7644 §3.12 (and RFC 9865's cursor types), each with the request that
 * draws it from Roster, or why Roster never sends it. The Record makes a new type a compile error
 * until it has its case here.
 */
const cases: Record<ScimType, Case[]> = {
  invalidFilter: [
    { status: 400, when: 'a filter that does not parse', request: () => scim.get(`/Users?filter=${encodeURIComponent('userName eq')}`) },
    { status: 400, when: 'a filter Roster cannot answer by key', request: () => scim.get(`/Users?filter=${encodeURIComponent('title co "x"')}`) },
  ],
  tooMany: [{ testedIn: 'scim-groups-scale.test.ts: a plain GET of a group of more than 40,000 members' }],
  uniqueness: [
    { status: 409, when: 'POST of a taken userName', request: () => scim.post('/Users', oktaUser(user.userName.toUpperCase())) },
  ],
  mutability: [
    { status: 400, when: 'PATCH of the read-only id', request: () => scim.patch(`/Users/${user.id}`, patch({ op: 'replace', path: 'id', value: 'other' })) },
  ],
  invalidSyntax: [
    { status: 400, when: 'a PATCH body without the PatchOp schema', request: () => scim.patch(`/Users/${user.id}`, { Operations: [{ op: 'replace', path: 'title', value: 'x' }] }) },
    { status: 400, when: 'an unknown op', request: () => scim.patch(`/Users/${user.id}`, patch({ op: 'merge', path: 'title', value: 'x' })) },
  ],
  invalidPath: [
    { status: 400, when: 'a PATCH path naming no attribute', request: () => scim.patch(`/Users/${user.id}`, patch({ op: 'replace', path: 'shoeSize', value: '9' })) },
    { status: 400, when: 'a malformed PATCH path', request: () => scim.patch(`/Users/${user.id}`, patch({ op: 'replace', path: 'emails[type eq', value: 'x' })) },
  ],
  noTarget: [
    { status: 400, when: 'remove without a path', request: () => scim.patch(`/Users/${user.id}`, patch({ op: 'remove' })) },
    { status: 400, when: 'a value filter matching nothing that cannot create one', request: () => scim.patch(`/Users/${user.id}`, patch({ op: 'replace', path: 'emails[value co "nobody"].type', value: 'home' })) },
  ],
  invalidValue: [
    { status: 400, when: 'a whole extension set with a schemas key inside', request: () => scim.patch(`/Users/${user.id}`, patch({ op: 'replace', path: ENTERPRISE, value: { schemas: [ENTERPRISE], employeeNumber: '7' } })) },
    { status: 400, when: 'a value of the wrong type', request: () => scim.patch(`/Users/${user.id}`, patch({ op: 'replace', path: 'active', value: 'maybe' })) },
    { status: 400, when: 'an add without a value', request: () => scim.patch(`/Users/${user.id}`, patch({ op: 'add', path: 'title' })) },
    { status: 400, when: 'a group member that does not exist', request: () => scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Errors', members: [{ value: 'no-such-user' }] }) },
  ],
  invalidVers: [{ neverSent: 'Roster serves SCIM 2.0 only, under /scim/v2; another version is a path that does not exist (404).' }],
  sensitive: [
    {
      neverSent:
        'Okta and other clients filter by userName (an email) in the URL, which RFC 7644 allows; refusing it would stop provisioning. A client that prefers not to can use POST /.search.',
    },
  ],
  invalidCursor: [{ status: 400, when: 'a cursor Roster did not issue', request: () => scim.get('/Users?cursor=not-a-cursor') }],
  expiredCursor: [{ neverSent: 'Roster cursors are positions in the list, not server-side state: they do not expire (no cursorTimeout).' }],
};

describe('every scimType Roster sends, with the status RFC 7644 §3.12 gives it', () => {
  for (const [scimType, typeCases] of Object.entries(cases)) {
    for (const testCase of typeCases) {
      if ('status' in testCase) {
        it(`${scimType}: ${testCase.when}`, async () => {
          const response = await testCase.request();
          expect(response.status, response.text).toBe(testCase.status);
          expect(response.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: String(testCase.status), scimType, detail: expect.any(String) });
        });
      } else if ('neverSent' in testCase) {
        it(`${scimType}: never sent, no code but the type's declaration names it`, () => {
          expect(sourcesNaming(scimType)).toEqual(['shared/errors.ts']);
        });
      } else {
        it(`${scimType}: ${testCase.testedIn}`, () => {
          const [file] = testCase.testedIn.split(':');
          expect(readFileSync(join(here, file!), 'utf8')).toContain(`scimType: '${scimType}'`);
        });
      }
    }
  }
});
