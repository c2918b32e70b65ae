import { randomUUID } from 'node:crypto';
import { config } from '../../config.js';
import { describeError, log } from '../../log.js';
import { emitMetric } from '../../metrics.js';
import { renderManagerDigest } from '../../mail/manager-digest.js';
import { sesMailer, type Mailer } from '../../mail/ses-mailer.js';
import { recordOutcomes } from '../../store/import-records.js';
import { claimDigest, completeDigest, listDueDigests, releaseClaim, type DigestRecord } from '../../store/manager-digests.js';
import { takeFromWindow } from '../../store/rate-limits.js';
import { findDirectReports, getTeamMember, getTeamMembers } from '../../store/team-members.js';
import { getTenant } from '../../store/tenants.js';
import { digestDecision } from './notification-eligibility.js';
import { ROSTER_ACTOR } from '../actors.js';
import { managerDataCaptureControl } from '../members/data-capture-control.js';
import { recordHistories } from '../members/member-history.js';
import { greetingName, newReportOf } from './new-report.js';

/** A claim older than this belongs to a release that died (the function times out after a minute). */
const CLAIM_TIMEOUT_MS = 5 * 60_000;
/** Digests sent at the same time; SES's sending rate is the real limit. */
const CONCURRENCY = 4;
/** Tries at recording a sent digest as done before leaving it to the stale-claim takeover. */
const COMPLETE_ATTEMPTS = 3;

export type DigestOutcome = 'sent' | 'skipped' | 'failed' | 'busy' | 'held';

const HOUR_SECONDS = 3_600;

export interface ReleaseOptions {
  now: Date;
  mailer?: Mailer;
  /** Epoch ms after which no further digest is claimed (what is left waits for the next run). */
  deadline?: number;
}

export interface ReleaseReport {
  sent: number;
  skipped: number;
  failed: number;
  busy: number;
  /** Digests of companies that reached their hourly email cap: they stay queued for the next hour. */
  held: number;
  /** Sent emails' SES message ids, by `tenantId/managerId`. */
  messageIds: Record<string, string>;
}

/**
 * Sends every digest that is due at `now`: one email per manager listing all its queued new
 * reports. Each digest is claimed conditionally first, so concurrent releases never send it twice;
 * its members are removed only once SES has accepted the email (or once it is clear nobody is to
 * be told), and when sending keeps failing the claim is given back for the next run.
 */
export async function releaseDueNotifications({ now, mailer = sesMailer(), deadline }: ReleaseOptions): Promise<ReleaseReport> {
  const due = await listDueDigests(now);
  const report: ReleaseReport = { sent: 0, skipped: 0, failed: 0, busy: 0, held: 0, messageIds: {} };
  const queue = [...due];
  const worker = async () => {
    for (let digest = queue.shift(); digest; digest = queue.shift()) {
      if (deadline !== undefined && Date.now() > deadline) return;
      const outcome = await releaseDigest(digest, now, mailer);
      report[outcome.outcome] += 1;
      if (outcome.messageId) report.messageIds[`${digest.tenantId}/${digest.managerId}`] = outcome.messageId;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
  if (due.length) log('info', 'manager notifications released', { due: due.length, ...report, messageIds: undefined });
  return report;
}

async function releaseDigest(digest: DigestRecord, now: Date, mailer: Mailer): Promise<{ outcome: DigestOutcome; messageId?: string }> {
  const claimId = randomUUID();
  const claimed = await claimDigest(digest, claimId, now, new Date(now.getTime() - CLAIM_TIMEOUT_MS));
  if (!claimed) return { outcome: 'busy' };
  const { tenantId, managerId } = claimed;
  let sent: { messageId: string; listed: Set<string> };
  try {
    const [company, manager, queued, directReports] = await Promise.all([
      getTenant(tenantId),
      getTeamMember(tenantId, managerId),
      getTeamMembers(tenantId, claimed.memberIds),
      findDirectReports(tenantId, managerId),
    ]);
    const decision = digestDecision({ company, manager, queued, directReports });
    if ('skip' in decision) {
      await completeDigest(claimed, claimId);
      await noteOutcomes(claimed, claimed.memberIds.map((memberId) => ({ memberId, outcome: decision.skip })), now);
      log('info', 'manager notification not sent', { tenantId, managerId, reason: decision.skip, members: claimed.memberIds.length });
      emitMetric('NotificationsSkipped', 1, { Reason: decision.skip });
      return { outcome: 'skipped' };
    }
    const mail = renderManagerDigest({
      locale: manager!.attributes.locale as string | undefined,
      managerName: greetingName(manager!),
      companyName: company!.name,
      reports: decision.send.map(newReportOf),
      // Offered only when it works for someone listed: the same rule as the switch on "My team".
      managerCanToggleDataCapture: decision.send.some(
        (member) => managerDataCaptureControl({ company: company!, manager: manager!, member, assignmentName: '' }).canChange,
      ),
      teamUrl: `${config().CONSOLE_URL}/team?company=${encodeURIComponent(tenantId)}`,
    });
    // One company cannot make Roster send without bound (SES reputation is shared): past its hourly
    // cap a digest is given back, still queued, and goes out in a later hour.
    if (!(await withinMailCap(tenantId, now))) {
      await releaseClaim(claimed, claimId);
      log('warn', 'manager notification held: the company reached its hourly email cap', { tenantId, managerId, cap: config().MAIL_PER_COMPANY_PER_HOUR });
      return { outcome: 'held' };
    }
    sent = { messageId: await mailer.send({ to: decision.to, ...mail }), listed: new Set(decision.send.map((member) => member.id)) };
  } catch (error) {
    await releaseClaim(claimed, claimId).catch((undo: unknown) => log('error', 'could not give a digest back', { tenantId, managerId, ...describeError(undo) }));
    // SES messages can quote addresses: log the error's name and status only.
    const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    emitMetric('NotificationsFailed');
    log('error', 'manager notification failed; it stays queued', {
      tenantId,
      managerId,
      failures: (claimed.failures ?? 0) + 1,
      errorName: name,
      status: $metadata?.httpStatusCode,
    });
    return { outcome: 'failed' };
  }
  // SES accepted the email: from here on the claim is never given back, or the email would go twice.
  await completeAfterSending(claimed, claimId);
  emitMetric('NotificationsSent');
  emitMetric('DigestSize', sent.listed.size);
  const outcomes = claimed.memberIds.map((memberId) => ({ memberId, outcome: sent.listed.has(memberId) ? 'sent' : 'noLongerReports' }));
  await noteOutcomes(claimed, outcomes, now, sent.messageId);
  return { outcome: 'sent', messageId: sent.messageId };
}

async function completeAfterSending(claimed: DigestRecord, claimId: string): Promise<void> {
  const { tenantId, managerId } = claimed;
  for (let attempt = 1; attempt <= COMPLETE_ATTEMPTS; attempt += 1) {
    try {
      if (!(await completeDigest(claimed, claimId))) log('warn', 'manager notification sent after its claim went stale', { tenantId, managerId });
      return;
    } catch (error) {
      if (attempt === COMPLETE_ATTEMPTS) {
        // The claim stays; once stale, a later release sends this digest again (the at-least-once window).
        log('error', 'manager notification sent but not recorded', { tenantId, managerId, ...describeError(error) });
        return;
      }
      await new Promise((done) => setTimeout(done, 200 * attempt));
    }
  }
}

/**
 * The import records' and the members' histories' note of what happened; the digest is already
 * done, so a failure here only logs.
 */
async function noteOutcomes(digest: DigestRecord, outcomes: Array<{ memberId: string; outcome: string }>, now: Date, messageId?: string) {
  const { tenantId, managerId } = digest;
  const at = now.toISOString();
  const history = outcomes.map(({ memberId, outcome }) => ({
    memberId,
    event:
      outcome === 'sent'
        ? { event: 'notificationSent', changes: [], detail: { managerId, ...(messageId ? { messageId } : {}) } }
        : { event: 'notificationNotSent', changes: [], detail: { managerId, reason: outcome } },
  }));
  await Promise.all([
    recordOutcomes(tenantId, outcomes, at, messageId),
    recordHistories(tenantId, { at, actor: ROSTER_ACTOR, cause: `release#${managerId}` }, history),
  ]).catch((error: unknown) => log('warn', 'could not record notification outcomes', { tenantId, managerId, ...describeError(error) }));
}

function withinMailCap(tenantId: string, now: Date): Promise<boolean> {
  const start = Math.floor(now.getTime() / 1000 / HOUR_SECONDS) * HOUR_SECONDS;
  return takeFromWindow(tenantId, 'manager-mail', { start, seconds: HOUR_SECONDS }, config().MAIL_PER_COMPANY_PER_HOUR);
}
