import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../shared/routes.js';
import { runCampaign } from '../../fuzz/campaign.js';
import { createFuzzFixture, type FuzzFixture } from '../../fuzz/fixture.js';
import { formatReport } from '../../fuzz/report.js';
import { startTestApi } from '../../support/http-stack.js';

/**
 * A sample of `npm run fuzz` (which sends 10,000): the same generators and checks, a fixed seed so
 * the suite is repeatable (FUZZ_SEED overrides it), a few hundred requests across every route.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const REQUESTS = 400;

let api: Awaited<ReturnType<typeof startTestApi>>;
let fixture: FuzzFixture;

beforeAll(async () => {
  api = await startTestApi();
  fixture = await createFuzzFixture(api.baseUrl);
});
afterAll(async () => api?.stop());

describe('property-based fuzzing of every route', () => {
  it(`answers ${REQUESTS} hostile requests without a 5xx, with well-formed errors, changing nothing it must not`, async () => {
    const report = await runCampaign({ baseUrl: api.baseUrl, fixture, requests: REQUESTS, seed: SEED });
    const summary = formatReport(report);
    expect(report.requests).toBe(REQUESTS);
    expect(Object.keys(report.routes).sort(), 'every route of the route table was fuzzed').toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
    expect(report.serverErrors, summary).toBe(0);
    expect(report.findings, summary).toEqual([]);
    expect(report.afterRun, summary).toEqual([]);
  }, 300_000);
});
