import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../../../shared/config.js';
import { METRICS, METRICS_NAMESPACE } from '../../../shared/metrics.js';
import { releaseDueNotifications } from '../../../shared/people/notifications/release-notifications.js';
import { findDigest } from '../../../shared/store/manager-digests.js';
import { startTestApi } from '../../support/http-stack.js';
import { notifyingCompany, processAt } from '../../support/notifying-company.js';
import { oktaUser, scimClient } from '../../support/scim-client.js';
import { insertRecordOf } from '../../support/stream-records.js';

interface EmfLine {
  _aws: { Timestamp: number; CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> };
  [key: string]: unknown;
}

/** The EMF lines (CloudWatch's embedded metric format) the code writes to stdout while `run` runs. */
async function emfLinesOf(run: () => Promise<unknown>): Promise<EmfLine[]> {
  const written: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    written.push(String(chunk));
    return (write as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    await run();
  } finally {
    process.stdout.write = write;
  }
  return written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
}

/** One metric of the lines: its value, unit and dimensions (checked against the declared ones). */
function metricsNamed(lines: EmfLine[], name: string) {
  return lines
    .filter((line) => line._aws.CloudWatchMetrics.some((directive) => directive.Metrics.some((metric) => metric.Name === name)))
    .map((line) => {
      const [directive] = line._aws.CloudWatchMetrics;
      const dimensions = directive!.Dimensions.flat();
      return {
        namespace: directive!.Namespace,
        unit: directive!.Metrics.find((metric) => metric.Name === name)!.Unit,
        value: line[name],
        dimensions: Object.fromEntries(dimensions.map((dimension) => [dimension, line[dimension]])),
      };
    });
}

let api: Awaited<ReturnType<typeof startTestApi>>;
beforeAll(async () => {
  // The suite keeps metrics off (test/support/environment.ts); this file reads them.
  process.env.METRICS_ENABLED = 'true';
  resetConfigForTests();
  api = await startTestApi();
});
afterAll(async () => api?.stop());

describe('metrics in CloudWatch EMF', () => {
  it('writes one namespace, the declared units, and only bounded dimensions — never a tenant or a person', async () => {
    const company = await notifyingCompany();
    const scim = scimClient(`${api.baseUrl}/scim/v2`, company.tenant.scimToken);
    let bossId = '';
    let reportId = '';
    const lines = await emfLinesOf(async () => {
      bossId = (await scim.post('/Users', oktaUser(company.email('emf.boss'), { locale: 'en-US', timezone: 'America/New_York' }))).body.id;
      const report = await scim.post('/Users', oktaUser(company.email('emf.report'), { 'urn:ietf:params:scim:schemas:extension:roster:2.0:User': { managerEmail: company.email('emf.boss') } }));
      reportId = report.body.id;
      expect((await scim.post('/Users', oktaUser(company.email('emf.nameless'), { name: { familyName: 'Nameless' } }))).status).toBe(400);
      expect((await scim.get('/Users/nobody')).status).toBe(404);
      await processAt(new Date(), [await insertRecordOf(company.tenantId, bossId), await insertRecordOf(company.tenantId, reportId)]);
      const digest = await findDigest(company.tenantId, bossId);
      await releaseDueNotifications({ now: new Date(digest!.dueAt) });
    });

    const text = JSON.stringify(lines);
    expect(text).not.toContain(company.tenantId);
    expect(text).not.toContain(company.domain);
    expect(text).not.toContain(reportId);
    for (const line of lines) {
      for (const directive of line._aws.CloudWatchMetrics) {
        expect(directive.Namespace).toBe(METRICS_NAMESPACE);
        for (const metric of directive.Metrics) {
          const declared = METRICS[metric.Name as keyof typeof METRICS];
          expect(declared, metric.Name).toBeDefined();
          expect(metric.Unit).toBe(declared.unit);
          expect(directive.Dimensions.flat().sort()).toEqual(['service', ...declared.dimensions].sort());
        }
      }
    }

    expect(metricsNamed(lines, 'Requests')).toEqual(
      expect.arrayContaining([
        { namespace: 'Roster', unit: 'Count', value: 1, dimensions: { service: 'roster', Route: 'POST /scim/v2/Users', StatusClass: '2xx' } },
        { namespace: 'Roster', unit: 'Count', value: 1, dimensions: { service: 'roster', Route: 'POST /scim/v2/Users', StatusClass: '4xx' } },
        { namespace: 'Roster', unit: 'Count', value: 1, dimensions: { service: 'roster', Route: 'GET /scim/v2/Users/{id}', StatusClass: '4xx' } },
      ]),
    );
    expect(metricsNamed(lines, 'Imports')).toHaveLength(2);
    expect(metricsNamed(lines, 'ImportsRejected')).toEqual([{ namespace: 'Roster', unit: 'Count', value: 1, dimensions: { service: 'roster', Rule: 'givenName' } }]);
    expect(metricsNamed(lines, 'NotificationsSkipped')).toContainEqual({ namespace: 'Roster', unit: 'Count', value: 1, dimensions: { service: 'roster', Reason: 'managerMissing' } });
    expect(metricsNamed(lines, 'NotificationsQueued')).toHaveLength(1);
    expect(metricsNamed(lines, 'NotificationsSent').length).toBeGreaterThanOrEqual(1);
    expect(metricsNamed(lines, 'DigestSize')).toContainEqual({ namespace: 'Roster', unit: 'Count', value: 1, dimensions: { service: 'roster' } });
  });
});
