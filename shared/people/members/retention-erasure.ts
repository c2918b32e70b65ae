import { RosterError } from '../../errors.js';
import { describeError, log } from '../../log.js';
import { emitMetric } from '../../metrics.js';
import { endInactivity, inactiveSinceBefore, type InactiveMemberRecord } from '../../store/inactive-members.js';
import { getTeamMember, VersionConflict } from '../../store/team-members.js';
import { companiesWithRetention, type TenantRecord } from '../../store/tenants.js';
import { eraseAfterRetention } from './erasure.js';

const DAY_MS = 86_400_000;
/** Members erased at the same time within one company. */
const CONCURRENCY = 4;

/**
 * What became of one member found inactive for longer than its company's retention:
 * - `erased`;
 * - `notYet`: its item's clock was behind the member (the stream had not caught up), and by the
 *   member's own last write the retention is not over yet;
 * - `changed`: written while being erased (reactivated, say): left as it is now;
 * - `cleared`: active again, erased already, or gone: its stale clock was removed;
 * - `failed`: an error, logged; the next run tries again.
 */
export type RetentionOutcome = 'erased' | 'notYet' | 'changed' | 'cleared' | 'failed';

export interface RetentionOptions {
  now: Date;
  /** Epoch ms after which no further member is taken up (the rest waits for the next run). */
  deadline?: number;
}

export type RetentionReport = Record<RetentionOutcome, number> & {
  /** Companies with a retention whose members were looked at. */
  companies: number;
  /** Whether the deadline stopped the run before every due member was looked at. */
  unfinished: boolean;
};

/**
 * Erases every member that has been deactivated or deleted, without a break, for longer than its
 * company's retention (`eraseAfterDays`) at `now`. It reads the companies that set a retention
 * (one sparse partition), then each one's members inactive since before `now - retention`, oldest
 * first (its partition of the list index, reading only those): nothing that is not due is read,
 * and the retention in force at the run decides, so a changed retention applies to every member
 * already inactive. Each member is read again and erased only as read; a failure is logged and
 * the others go on. Suspended companies wait until they are resumed.
 */
export async function eraseMembersPastRetention({ now, deadline }: RetentionOptions): Promise<RetentionReport> {
  const report: RetentionReport = { companies: 0, erased: 0, notYet: 0, changed: 0, cleared: 0, failed: 0, unfinished: false };
  const pastDeadline = () => deadline !== undefined && Date.now() > deadline;
  for await (const companies of companiesWithRetention()) {
    for (const company of companies) {
      if (company.suspendedAt || !company.eraseAfterDays) continue;
      report.companies += 1;
      const cutoff = new Date(now.getTime() - company.eraseAfterDays * DAY_MS).toISOString();
      for await (const due of inactiveSinceBefore(company.tenantId, cutoff)) {
        const queue = [...due];
        const worker = async () => {
          for (let clock = queue.shift(); clock; clock = queue.shift()) {
            if (pastDeadline()) {
              report.unfinished = true;
              return;
            }
            report[await eraseIfPastRetention(company, clock, cutoff)] += 1;
          }
        };
        await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
        if (report.unfinished) return finished(report);
      }
    }
  }
  return finished(report);
}

function finished(report: RetentionReport): RetentionReport {
  if (report.erased || report.failed || report.unfinished) log('info', 'members erased after their company\'s retention', { ...report });
  if (report.erased) emitMetric('RetentionErasures', report.erased);
  return report;
}

async function eraseIfPastRetention(company: TenantRecord, clock: InactiveMemberRecord, cutoff: string): Promise<RetentionOutcome> {
  const { tenantId, memberId } = clock;
  try {
    const member = await getTeamMember(tenantId, memberId);
    if (!member || member.erasedAt || (member.active && !member.deletedAt)) {
      await endInactivity(tenantId, memberId, member?.version ?? Number.MAX_SAFE_INTEGER);
      return 'cleared';
    }
    // A clock in step with the member's version has run since `since` without a break; otherwise
    // the member's last write is the latest the break could have ended.
    const since = clock.version === member.version ? clock.since : member.updatedAt;
    if (since >= cutoff) return 'notYet';
    await eraseAfterRetention(member);
    return 'erased';
  } catch (error) {
    if (error instanceof VersionConflict || (error instanceof RosterError && error.status === 412)) return 'changed';
    log('error', 'erasure after the retention failed; the next run tries again', { tenantId, memberId, retentionDays: company.eraseAfterDays, ...describeError(error) });
    return 'failed';
  }
}
