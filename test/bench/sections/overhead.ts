import { newId } from '../../../shared/people/ids.js';
import type { BenchContext } from '../bench-context.js';
import { benchTenant, expectStatus, type BenchTenant } from '../bench-tenant.js';
import type { BenchResponse } from '../http-client.js';
import { byUserName, deactivation, userBody, userName, userToken } from '../okta-requests.js';
import { progress, say } from '../progress.js';
import { recordCommands, sendRaw, withReplacements, type RecordedCommand } from '../raw-commands.js';
import { count, mark, ratio, table, type Section } from '../report.js';
import { seedUsers } from '../seed.js';
import { median, p99, timeInterleaved } from '../stats.js';
import { CONNECTIONS, httpThroughput, rawThroughput } from '../throughput.js';

const ROUNDS = 200;
const WARMUP = 100;
const CALLS = ROUNDS + WARMUP;
/** HTTP call 0 fills the warm function's caches, call 1 is the template, the timed calls follow. */
const TEMPLATE = 1;
const FIRST_TIMED = TEMPLATE + 1;
const TARGET = 1.5;
const THROUGHPUT_SECONDS = 8;

/**
 * One Okta operation through the HTTP stack against the raw DynamoDB requests it needs. Call
 * TEMPLATE's commands are recorded and, with `replacements(call)` applied (another user's id and
 * name where the write would otherwise fail its conditions), replayed as the raw baseline.
 */
interface Operation {
  name: string;
  status: number;
  http(call: number): Promise<BenchResponse>;
  replacements?(call: number, template: BenchResponse): Record<string, string>;
  /** Another operation's raw requests to compare with, instead of this one's own (the transport control). */
  baseline?: RecordedCommand[];
}

interface Measured {
  name: string;
  requests: number;
  httpMedian: number;
  httpP99: number;
  rawMedian: number;
  rawP99: number;
  /** The raw commands of each call, for the throughput runs. */
  raw: RecordedCommand[][];
}

async function measure(operation: Operation): Promise<Measured> {
  expectStatus(await operation.http(TEMPLATE - 1), operation.status, operation.name);
  const { result: template, commands } = await recordCommands(() => operation.http(TEMPLATE));
  expectStatus(template, operation.status, operation.name);
  const baseline = operation.baseline ?? commands;
  const raw = Array.from({ length: CALLS }, (_, call) =>
    operation.replacements ? withReplacements(baseline, operation.replacements(call, template)) : baseline,
  );
  const shown = progress(operation.name, CALLS);
  const samples = await timeInterleaved(
    {
      http: async (call) => {
        expectStatus(await operation.http(call + FIRST_TIMED), operation.status, operation.name);
        shown.add(1);
      },
      raw: (call) => sendRaw(raw[call]!),
    },
    ROUNDS,
    WARMUP,
  );
  shown.finish();
  const measured = {
    name: operation.name,
    requests: commands.length,
    httpMedian: median(samples.http),
    httpP99: p99(samples.http),
    rawMedian: median(samples.raw),
    rawP99: p99(samples.raw),
    raw,
  };
  say(`  HTTP median ${measured.httpMedian.toFixed(2)} ms, p99 ${measured.httpP99.toFixed(1)} ms; raw median ${measured.rawMedian.toFixed(2)} ms, p99 ${measured.rawP99.toFixed(1)} ms`);
  return measured;
}

/** Users for a write that changes one user per call: one set for the HTTP calls, one for the raw calls. */
async function usersFor(bench: BenchTenant, prefix: string) {
  const { principal, tenant } = bench;
  const http = await seedUsers(principal, tenant.domain, `${prefix}h`, CALLS + FIRST_TIMED);
  const raw = await seedUsers(principal, tenant.domain, `${prefix}r`, CALLS);
  return {
    http,
    replacements: (call: number) => ({ [http[TEMPLATE]!]: raw[call]!, [userToken(`${prefix}h`, TEMPLATE)]: userToken(`${prefix}r`, call) }),
  };
}

type Users = Awaited<ReturnType<typeof usersFor>>;

/** The lookup finds the first user the create made. */
const lookupPath = (domain: string) => byUserName(userName(domain, userToken('ch', 0)));

function operations({ scim, tenant }: BenchTenant, deactivated: Users, replaced: Users): Record<'create' | 'lookup' | 'deactivate' | 'replace', Operation> {
  return {
    create: {
      name: 'POST /Users',
      status: 201,
      http: (call) => scim('POST', '/Users', userBody(tenant.domain, userToken('ch', call))),
      replacements: (call, template) => ({ [template.json().id]: newId(), [userToken('ch', TEMPLATE)]: userToken('cr', call) }),
    },
    lookup: {
      name: 'GET /Users?filter=userName eq',
      status: 200,
      http: () => scim('GET', lookupPath(tenant.domain)),
    },
    deactivate: {
      name: 'PATCH /Users/{id} (deactivate)',
      status: 200,
      http: (call) => scim('PATCH', `/Users/${deactivated.http[call]}`, deactivation),
      replacements: deactivated.replacements,
    },
    replace: {
      name: 'PUT /Users/{id}',
      status: 200,
      http: (call) => scim('PUT', `/Users/${replaced.http[call]}`, userBody(tenant.domain, userToken('uh', call), { title: 'Benchmarker' })),
      replacements: replaced.replacements,
    },
  };
}

async function throughput(baseUrl: string, bench: BenchTenant, runs: Array<{ name: string; method: string; paths: string[]; body?: unknown; raw: RecordedCommand[][] }>) {
  const headers = { authorization: `Bearer ${bench.tenant.scimToken}`, 'content-type': 'application/scim+json', accept: 'application/scim+json' };
  const rows = [];
  for (const run of runs) {
    say(`throughput of ${run.name}: ${CONNECTIONS} connections for ${THROUGHPUT_SECONDS} s through HTTP, then ${CONNECTIONS} raw workers`);
    const paths = run.paths.map((path) => `/scim/v2${path}`);
    const http = await httpThroughput(baseUrl, { method: run.method, paths, headers, ...(run.body ? { body: JSON.stringify(run.body) } : {}) }, THROUGHPUT_SECONDS);
    const raw = await rawThroughput(run.raw, THROUGHPUT_SECONDS);
    say(`  ${http.toFixed(0)} requests/s through HTTP, ${raw.toFixed(0)} raw`);
    rows.push([run.name, count(Math.round(http)), count(Math.round(raw)), ratio(http / raw)]);
  }
  return rows;
}

const span = (values: number[]) => {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low.toFixed(2) === high.toFixed(2) ? ratio(low) : `${ratio(low)}–${ratio(high)}`;
};

function diagnosis(judged: Measured[], transport: Measured, medianMet: boolean, p99Met: boolean): string {
  const parts: string[] = [];
  if (!medianMet) {
    const over = judged.filter((row) => row.httpMedian / row.rawMedian > TARGET).map((row) => row.name);
    parts.push(
      `The median misses (${over.join(', ')}) are the time the request spends outside DynamoDB: the HTTP round trip alone, answered by the adapter without a handler, is ${ratio(transport.httpMedian / transport.rawMedian)} of a raw lookup (control row); the rest is the handler’s own work (middy, SCIM parsing and rendering, validation) and, on a busy machine, waiting for a core to do it.`,
    );
  }
  if (!p99Met) {
    const rawTail = judged.map((row) => row.rawP99 / row.rawMedian);
    const likeForLike = `like for like, HTTP p99 ÷ raw p99, the stack adds ${span(judged.map((row) => row.httpP99 / row.rawP99))}`;
    parts.push(
      Math.min(...rawTail) > TARGET
        ? `The p99 figures measure DynamoDB Local’s tail more than Roster’s: on this machine the raw requests’ own p99 is ${span(rawTail)} their median — over the target before any HTTP is added — while, ${likeForLike}. No stack can meet a p99 target set against the raw median while the database’s own p99 is that far above it; the like-for-like column is the one to watch.`
        : `The p99 misses are the stack’s own tail: ${likeForLike}.`,
    );
  }
  return parts.join(' ');
}

export async function measureOverhead({ baseUrl }: BenchContext): Promise<Section> {
  const bench = await benchTenant(baseUrl);
  const deactivated = await usersFor(bench, 'p');
  const replaced = await usersFor(bench, 'u');
  const all = operations(bench, deactivated, replaced);
  const create = await measure(all.create);
  const lookup = await measure(all.lookup);
  const deactivate = await measure(all.deactivate);
  const replace = await measure(all.replace);
  const transport = await measure({
    name: 'control: an HTTP round trip alone (unknown path, answered by the adapter), ÷ the lookup’s raw request',
    status: 404,
    http: () => bench.scim('GET', '/NoSuchEndpoint'),
    baseline: lookup.raw[0]!,
  });
  const throughputRows = await throughput(baseUrl, bench, [
    { name: lookup.name, method: 'GET', paths: [lookupPath(bench.tenant.domain)], raw: lookup.raw.slice(0, 1) },
    { name: deactivate.name, method: 'PATCH', paths: deactivated.http.map((id) => `/Users/${id}`), body: deactivation, raw: deactivate.raw },
  ]);

  const judged = [create, lookup, deactivate, replace];
  const medianMet = judged.every((row) => row.httpMedian / row.rawMedian <= TARGET);
  const p99Met = judged.every((row) => row.httpP99 / row.rawMedian <= TARGET);
  const withMark = (value: number) => `${ratio(value)} ${mark(value <= TARGET)}`;
  return {
    title: 'Overhead of the HTTP stack over DynamoDB',
    target: `median and p99 ≤ ${TARGET}× the raw DynamoDB median`,
    met: medianMet && p99Met,
    ...(medianMet && p99Met ? {} : { diagnosis: diagnosis(judged, transport, medianMet, p99Met) }),
    body: [
      `Each operation ${ROUNDS} times (after ${WARMUP} warm-up calls) over real HTTP (keep-alive node:http client) to the local adapter in the same process (API Gateway event → middy → auth from the warm token cache → domain → store), interleaved with the same DynamoDB request(s) the operation sent — recorded from the handler and replayed with the document client against the same DynamoDB Local; writes are replayed on other users of the same shape, so every condition holds. Ratios are to the raw median.`,
      table(
        ['operation', 'DynamoDB requests', 'HTTP median ÷ raw median', 'HTTP p99 ÷ raw median', 'raw p99 ÷ raw median (DynamoDB Local’s own tail)', 'HTTP p99 ÷ raw p99'],
        [
          ...judged.map((row) => [row.name, row.requests, withMark(row.httpMedian / row.rawMedian), withMark(row.httpP99 / row.rawMedian), ratio(row.rawP99 / row.rawMedian), ratio(row.httpP99 / row.rawP99)]),
          [transport.name, transport.requests, ratio(transport.httpMedian / transport.rawMedian), ratio(transport.httpP99 / transport.rawMedian), ratio(transport.rawP99 / transport.rawMedian), ratio(transport.httpP99 / transport.rawP99)],
        ],
      ),
      `Throughput under concurrency: ${CONNECTIONS} connections for ${THROUGHPUT_SECONDS} s (autocannon, in the same process as the adapter) against the same raw request(s) from ${CONNECTIONS} concurrent workers for as long. No target; reported.`,
      table(['operation', 'HTTP requests/s', 'raw requests/s', 'HTTP ÷ raw'], throughputRows),
    ],
  };
}
