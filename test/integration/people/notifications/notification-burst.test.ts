import '../../../support/environment.js';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { queueImportNotification } from '../../../../shared/people/notifications/import-notifications.js';
import { refreshEffectiveSettings } from '../../../../shared/people/company/refresh-effective-settings.js';
import { releaseDueNotifications } from '../../../../shared/people/notifications/release-notifications.js';
import { NO_OWNERSHIP } from '../../../../shared/profile/field-ownership.js';
import type { EffectiveSettings } from '../../../../shared/store/company-config.js';
import { insertTeamMember, type TeamMemberRecord } from '../../../../shared/store/team-members.js';
import { notifyingCompany } from '../../../support/notifying-company.js';
import { emailsByRecipient } from '../../../support/ses-inbox.js';

const MANAGERS = 50;
const REPORTS_PER_MANAGER = 20;
/** Streams processed side by side, as Lambda runs one invocation per stream shard. */
const SHARDS = 8;
const BURST_START = new Date('2027-01-21T15:00:00Z'); // a Thursday, 10:00 in New York
const BURST_SECONDS = 60;
const seconds = (count: number) => new Date(BURST_START.getTime() + count * 1000);

function member(tenantId: string, email: string, managerId?: string, effective?: EffectiveSettings): TeamMemberRecord {
  const [givenName, familyName] = email.split('@')[0]!.split('.');
  const now = new Date().toISOString();
  return {
    tenantId,
    id: randomUUID(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: 'burst',
    updatedBy: 'burst',
    userName: email,
    active: true,
    identifiers: [`email:${email}`],
    attributes: {
      userName: email,
      name: { givenName, familyName },
      displayName: `${givenName} ${familyName}`,
      emails: [{ value: email, type: 'work', primary: true }],
      locale: 'en-US',
      timezone: 'America/New_York',
      active: true,
    },
    resolved: { resolvedTimeZone: 'America/New_York', timeZoneSource: 'timezone', managerResolution: managerId ? 'email' : 'none', issues: [] },
    ...(managerId ? { managerId } : {}),
    awaiting: [],
    ownership: NO_OWNERSHIP,
    ...(effective ? { effective } : {}),
    effectiveVersion: effective ? 1 : 0,
    groupIds: [],
  };
}

async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

describe('a burst of 1,000 imports for 50 managers', () => {
  it('produces at most one email per manager, each listing all of that manager’s new reports', async () => {
    const company = await notifyingCompany();
    const started = Date.now();
    // Seeded through the store (one transaction each) as a SCIM import leaves them: manager linked,
    // effective settings already computed (the first member's, which all share), so the stream's
    // settings refresh finds nothing to change and the burst measures the notifications.
    const first = member(company.tenantId, company.email('burst.first'));
    await insertTeamMember(first);
    const effective = await refreshEffectiveSettings(company.tenantId, first.id);
    expect(effective?.dataCaptureActive).toBe(true);
    const managers = Array.from({ length: MANAGERS }, (_, index) => member(company.tenantId, company.email(`burst.manager${index}`), undefined, effective));
    const reports = Array.from({ length: MANAGERS * REPORTS_PER_MANAGER }, (_, index) =>
      member(company.tenantId, company.email(`burst.report${index}`), managers[index % MANAGERS]!.id, effective),
    );
    await inParallel([...managers, ...reports], 8, insertTeamMember);
    const seeded = Date.now();

    // Okta's push spread over a minute (clock driven): report i arrives i × 60 ms after the first; the
    // notifier's import step runs for it in a few streams side by side (as Lambda does per shard),
    // and the release runs every 10 s of the burst (more often than the deployed every minute).
    const arrival = (index: number) => new Date(BURST_START.getTime() + (index * BURST_SECONDS * 1000) / reports.length);
    const releases = [];
    for (let second = 10; second <= BURST_SECONDS; second += 10) {
      const arriving = reports.map((report, index) => ({ report, index })).filter(({ index }) => arrival(index) < seconds(second) && arrival(index) >= seconds(second - 10));
      const outcomes = await inParallel(arriving, SHARDS, ({ report, index }) => queueImportNotification(undefined, report, arrival(index)));
      expect(new Set(outcomes.map((step) => step.outcome))).toEqual(new Set(['queued']));
      releases.push(await releaseDueNotifications({ now: seconds(second) }));
    }
    const queued = Date.now();
    releases.push(await releaseDueNotifications({ now: seconds(BURST_SECONDS + 61) }));
    releases.push(await releaseDueNotifications({ now: seconds(BURST_SECONDS + 600) }));
    const finished = Date.now();
    expect(releases.map((release) => release.sent)).toEqual([0, 0, 0, 0, 0, 0, MANAGERS, 0]);

    const inboxes = await emailsByRecipient(inject('sesUrl'));
    const perManager = managers.map((manager, index) => inboxes.get(company.email(`burst.manager${index}`))?.length ?? 0);
    expect(perManager).toEqual(managers.map(() => 1));
    for (let index = 0; index < MANAGERS; index += 1) {
      const [mail] = inboxes.get(company.email(`burst.manager${index}`))!;
      expect(mail!.subject).toBe(`${REPORTS_PER_MANAGER} new members joined your team`);
      expect(mail!.body.text!.match(/^- /gm)).toHaveLength(REPORTS_PER_MANAGER);
    }
    console.log(
      JSON.stringify({
        imports: reports.length,
        managers: MANAGERS,
        emails: perManager.reduce((sum, count) => sum + count, 0),
        maxEmailsPerManager: Math.max(...perManager),
        seedMs: seeded - started,
        queueAndReleasesDuringBurstMs: queued - seeded,
        finalReleaseMs: finished - queued,
      }),
    );
  }, 120_000); // ~27 s on an idle 2-core machine; DynamoDB Local slows down a lot under load
});
