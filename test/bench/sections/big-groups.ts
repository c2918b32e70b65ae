import type { BenchContext } from '../bench-context.js';
import { benchTenant, expectStatus } from '../bench-tenant.js';
import type { BenchResponse } from '../http-client.js';
import { groupBody, membershipPatch } from '../okta-requests.js';
import { progress, say } from '../progress.js';
import { recordCommands, sendRaw, type RecordedCommand } from '../raw-commands.js';
import { count, mark, ratio, table, type Section } from '../report.js';
import { seedEdges, seedUsers } from '../seed.js';
import { median, timed } from '../stats.js';

const BIG = 100_000;
const ROUNDS = 30;
const TARGET = 1.2;

type Size = 'small' | 'big';
type Step = 'get' | 'add' | 'remove';
const STEPS: Record<Step, string> = {
  get: 'GET /Groups/{id}?excludedAttributes=members',
  add: 'PATCH +1 member (Okta’s shape)',
  remove: 'PATCH −1 member (Okta’s shape)',
};

/**
 * Runs get, add, remove on each group, ROUNDS times, the groups' order alternating; add and
 * remove of the same member leave every group as it was.
 */
async function timeSteps(label: string, run: (size: Size, step: Step) => Promise<unknown>) {
  const samples = { small: { get: [], add: [], remove: [] }, big: { get: [], add: [], remove: [] } } as Record<Size, Record<Step, number[]>>;
  const shown = progress(label, ROUNDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const size of round % 2 ? (['big', 'small'] as const) : (['small', 'big'] as const)) {
      for (const step of ['get', 'add', 'remove'] as const) samples[size][step].push(await timed(() => run(size, step)));
    }
    shown.add(1);
  }
  shown.finish();
  return samples;
}

export async function measureBigGroups({ baseUrl }: BenchContext): Promise<Section> {
  const { scim, tenant, principal } = await benchTenant(baseUrl);
  const [newcomer, existing] = await seedUsers(principal, tenant.domain, 'g', 2);
  const groups = {} as Record<Size, { id: string; displayName: string }>;
  for (const size of ['small', 'big'] as const) {
    const displayName = `bench ${size} group`;
    groups[size] = { id: expectStatus(await scim('POST', '/Groups', groupBody(displayName, [existing!])), 201, 'POST /Groups').json().id, displayName };
  }
  await seedEdges(tenant.tenantId, groups.big.id, BIG - 1);

  const expected: Record<Step, number> = { get: 200, add: 204, remove: 204 };
  const http = (size: Size, step: Step): Promise<BenchResponse> => {
    const group = groups[size];
    const call = step === 'get' ? scim('GET', `/Groups/${group.id}?excludedAttributes=members`) : scim('PATCH', `/Groups/${group.id}`, membershipPatch(group, step, [newcomer!]));
    return call.then((response) => expectStatus(response, expected[step], `${STEPS[step]} on the ${size} group`));
  };
  const viaHttp = await timeSteps(`${count(BIG)}- and 1-member groups through HTTP`, http);

  const recorded = { small: {}, big: {} } as Record<Size, Record<Step, RecordedCommand[]>>;
  for (const size of ['small', 'big'] as const) {
    for (const step of ['get', 'add', 'remove'] as const) recorded[size][step] = (await recordCommands(() => http(size, step))).commands;
  }
  const raw = await timeSteps('the same DynamoDB requests, raw', (size, step) => sendRaw(recorded[size][step]));

  const rows = (['get', 'add', 'remove'] as const).map((step) => {
    const over = (samples: typeof raw) => median(samples.big[step]) / median(samples.small[step]);
    say(`  ${STEPS[step]}: 1 member ${median(viaHttp.small[step]).toFixed(1)} ms, ${count(BIG)} members ${median(viaHttp.big[step]).toFixed(1)} ms`);
    return { step, httpRatio: over(viaHttp), rawRatio: over(raw), requests: `${recorded.small[step].length} / ${recorded.big[step].length}` };
  });
  return {
    title: 'Big groups',
    target: `a ${count(BIG)}-member group ÷ a 1-member group ≤ ${TARGET}`,
    met: rows.every((row) => row.httpRatio <= TARGET),
    body: [
      `Two groups of one company: one with 1 member, one with ${count(BIG)} (membership edges seeded with \`seedMemberEdges\`). Each step ${ROUNDS} times per group through HTTP, the groups alternating; medians. The PATCH is Okta’s Group Push request: the group’s id and name ride along with adding or removing one member. The control replays the DynamoDB requests each step sent, raw.`,
      table(
        ['operation', `${count(BIG)} members ÷ 1 member`, `DynamoDB requests, 1 member / ${count(BIG)}`, 'control: raw requests, big ÷ small'],
        rows.map((row) => [STEPS[row.step], `${ratio(row.httpRatio)} ${mark(row.httpRatio <= TARGET)}`, row.requests, ratio(row.rawRatio)]),
      ),
    ],
  };
}
