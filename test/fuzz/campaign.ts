import fc from 'fast-check';
import { consistencyProblems } from '../support/table-consistency.js';
import { responseProblems } from './check-response.js';
import type { FuzzFixture } from './fixture.js';
import { fuzzRequest, fuzzRequestPerRoute } from './generate.js';
import { describeRequest, send, type FuzzRequest } from './request.js';
import { snapshotDifferences, tenantSnapshot } from './snapshot.js';

export interface CampaignOptions {
  baseUrl: string;
  fixture: FuzzFixture;
  requests: number;
  seed: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Only the routes whose key contains this text. */
  only?: string;
  onProgress?: (sent: number) => void;
}

export interface Finding {
  request: string;
  status: number;
  problems: string[];
  response: string;
}

export interface CampaignReport {
  seed: number;
  requests: number;
  durationMs: number;
  /** Status code → how many answers had it. */
  statuses: Record<number, number>;
  /** Route key → status → how many requests. */
  routes: Record<string, Record<number, number>>;
  serverErrors: number;
  /** Requests whose answer was wrong (capped), and how many there were in all. */
  findings: Finding[];
  findingCount: number;
  /** Whole-run checks: the snapshot company unchanged, no prototype polluted, the playground consistent. */
  afterRun: string[];
}

const BATCH = 100;
const MAX_FINDINGS = 50;

/**
 * Sends `requests` generated requests (in batches drawn from fast-check with a seed derived from
 * the run's seed and the batch number, so a run can be replayed) and checks every answer, then checks the run as a whole.
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const { baseUrl, fixture, requests, seed, concurrency = 8 } = options;
  const secrets = [fixture.snapshot.scimToken, fixture.snapshot.adminToken, fixture.playground.scimToken, fixture.playground.adminToken];
  const prototypesBefore = prototypeShapes();
  const before = await tenantSnapshot(fixture.snapshot.tenantId);
  const report: CampaignReport = { seed, requests: 0, durationMs: 0, statuses: {}, routes: {}, serverErrors: 0, findings: [], findingCount: 0, afterRun: [] };
  const started = Date.now();

  const check = async (request: FuzzRequest) => {
    const response = await send(baseUrl, request);
    report.requests += 1;
    report.statuses[response.status] = (report.statuses[response.status] ?? 0) + 1;
    const byStatus = (report.routes[request.routeKey] ??= {});
    byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
    if (response.status >= 500 || response.status === 0) report.serverErrors += 1;
    const problems = responseProblems(request, response, secrets);
    if (!problems.length) return;
    report.findingCount += 1;
    if (report.findings.length < MAX_FINDINGS) {
      report.findings.push({ request: describeRequest(request), status: response.status, problems, response: response.text.slice(0, 500) });
    }
  };

  // First one request per route, so every route is fuzzed however many routes share the budget;
  // then requests to routes drawn at random.
  const perRoute = fuzzRequestPerRoute(fixture, options.only)
    .slice(0, requests)
    .map((routeArbitrary, index) => fc.sample(routeArbitrary, { numRuns: 1, seed: batchSeed(seed, -1 - index) })[0]!);
  await inParallel(perRoute, concurrency, check);
  const arbitrary = fuzzRequest(fixture, options.only);
  for (let batch = 0; report.requests < requests; batch += 1) {
    const size = Math.min(BATCH, requests - report.requests);
    const pending = fc.sample(arbitrary, { numRuns: size, seed: batchSeed(seed, batch) });
    await inParallel(pending, concurrency, check);
    options.onProgress?.(report.requests);
  }
  report.durationMs = Date.now() - started;

  const changed = snapshotDifferences(before, await tenantSnapshot(fixture.snapshot.tenantId));
  report.afterRun.push(...changed.slice(0, 20).map((line) => `snapshot company ${line}`));
  const prototypesAfter = prototypeShapes();
  if (prototypesAfter !== prototypesBefore) report.afterRun.push(`a prototype was polluted: ${prototypesBefore} → ${prototypesAfter}`);
  report.afterRun.push(...(await consistencyProblems(fixture.playground.tenantId)).slice(0, 20).map((line) => `playground company: ${line}`));
  return report;
}

/** A seed per batch, far apart for neighbouring run seeds (seed + batch would make runs 9 and 10 overlap). */
function batchSeed(seed: number, batch: number): number {
  return (seed ^ Math.imul(batch + 1, 0x9e3779b1)) | 0;
}

/** Own property names of the built-in prototypes a merge could pollute. */
function prototypeShapes(): string {
  const names = (prototype: object) => Reflect.ownKeys(prototype).map(String).sort().join(',');
  const polluted = ({} as Record<string, unknown>).polluted !== undefined ? ' polluted!' : '';
  return `Object{${names(Object.prototype)}} Array{${names(Array.prototype)}} Function{${names(Function.prototype)}}${polluted}`;
}

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
