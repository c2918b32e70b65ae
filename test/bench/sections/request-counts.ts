import { countDynamoRequests } from '../../../shared/store/client.js';
import type { BenchContext } from '../bench-context.js';
import { benchTenant, expectStatus } from '../bench-tenant.js';
import type { BenchResponse } from '../http-client.js';
import { byUserName, deactivation, groupBody, membershipPatch, userBody, userName, userToken } from '../okta-requests.js';
import { say } from '../progress.js';
import { commandSummary } from '../command-summary.js';
import { count, mark, table, type Section } from '../report.js';
import { seedUsers } from '../seed.js';

const GROUP_SIZES = [1, 25, 100, 1_000];

interface Counted {
  operation: string;
  requests: number;
  sent: string[];
  /** The most requests allowed, if there is a target. */
  limit?: number;
}

/** The DynamoDB requests of the second of two like calls: the first fills what a warm function caches. */
async function steadyCount(operation: string, status: number, call: (attempt: 0 | 1) => Promise<BenchResponse>, limit?: number): Promise<Counted> {
  expectStatus(await call(0), status, operation);
  const { result, operations } = await countDynamoRequests(() => call(1));
  expectStatus(result, status, operation);
  return { operation, requests: operations.length, sent: operations, ...(limit === undefined ? {} : { limit }) };
}

export async function measureRequestCounts({ baseUrl }: BenchContext): Promise<Section> {
  const { scim, tenant, principal } = await benchTenant(baseUrl);
  const members = await seedUsers(principal, tenant.domain, 'k', GROUP_SIZES.reduce((sum, size) => sum + size, 0));
  const created: string[] = [];
  const create = (attempt: number) =>
    scim('POST', '/Users', userBody(tenant.domain, userToken('n', attempt))).then((response) => {
      created[attempt] = response.json().id;
      return response;
    });
  say('counting the requests of each Okta operation');
  const rows: Counted[] = [
    await steadyCount('create (POST /Users)', 201, create, 1),
    await steadyCount('lookup (GET /Users?filter=userName eq)', 200, (attempt) => scim('GET', byUserName(userName(tenant.domain, userToken('n', attempt)))), 1),
    await steadyCount('GET /Users/{id}', 200, (attempt) => scim('GET', `/Users/${created[attempt]}`), 1),
    await steadyCount('PUT /Users/{id}', 200, (attempt) => scim('PUT', `/Users/${created[attempt]}`, userBody(tenant.domain, userToken('n', attempt), { title: 'Counted' }))),
    await steadyCount('deactivate (PATCH /Users/{id} active=false)', 200, (attempt) => scim('PATCH', `/Users/${created[attempt]}`, deactivation), 1),
    await steadyCount('list, first page (GET /Users?startIndex=1&count=100)', 200, () => scim('GET', '/Users?startIndex=1&count=100')),
    await steadyCount('list, next page (GET /Users?startIndex=101&count=100)', 200, () => scim('GET', '/Users?startIndex=101&count=100')),
  ];
  let offset = 0;
  for (const size of GROUP_SIZES) {
    const ids = members.slice(offset, (offset += size));
    const groups = [0, 1].map((attempt) => ({ displayName: `bench group ${size}.${attempt}`, id: '' }));
    for (const group of groups) group.id = expectStatus(await scim('POST', '/Groups', groupBody(group.displayName)), 201, 'POST /Groups').json().id;
    // Okta's PATCH, adding k members; the first call (to another group) warms the caches.
    const toAdd = (attempt: 0 | 1) => (attempt ? ids : ids.slice(0, 1));
    rows.push(
      await steadyCount(`group PATCH adding ${count(size)} member${size === 1 ? '' : 's'} (k = ${count(size)})`, 204, (attempt) => scim('PATCH', `/Groups/${groups[attempt]!.id}`, membershipPatch(groups[attempt]!, 'add', toAdd(attempt))), Math.ceil(size / 25) + 2),
    );
  }
  for (const row of rows) say(`  ${row.operation}: ${row.requests} (${commandSummary(row.sent)})`);

  return {
    title: 'DynamoDB requests per operation',
    target: '1 for lookup, create, deactivate and GET; ≤ ⌈k/25⌉ + 2 for a group PATCH adding k members',
    met: rows.every((row) => row.limit === undefined || row.requests <= row.limit),
    body: [
      'Counted by the request-counting middleware of the store’s DynamoDB client (shared/store/client.ts, `countDynamoRequests`) around one HTTP call, at steady state: each operation runs twice and the second call is counted, so the token and the company settings come from the warm function’s caches, as they do in production.',
      table(
        ['operation', 'DynamoDB requests', 'target', 'requests sent'],
        rows.map((row) => [row.operation, row.requests, row.limit === undefined ? '— (reported)' : `≤ ${row.limit} ${mark(row.requests <= row.limit)}`, commandSummary(row.sent)]),
      ),
    ],
  };
}
