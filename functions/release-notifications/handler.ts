import type { Context, ScheduledEvent } from 'aws-lambda';
import { withInvocationLog } from '../../shared/log.js';
import { releaseDueNotifications } from '../../shared/people/notifications/release-notifications.js';

/** Time kept back from the function's timeout: no new digest is claimed after that. */
const SAFETY_MARGIN_MS = 10_000;

/**
 * Runs every minute (EventBridge; locally the local stack's interval): emails each manager whose
 * queued new reports are due one digest. Failures are retried by the next run; the function still
 * fails (and alarms) when a digest could not be sent.
 */
export const handler = withInvocationLog(async (_event: ScheduledEvent, context?: Context) => {
  const deadline = context ? Date.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS : undefined;
  const report = await releaseDueNotifications({ now: new Date(), ...(deadline === undefined ? {} : { deadline }) });
  if (report.failed) throw new Error(`${report.failed} manager digest(s) could not be sent; they stay queued for the next run`);
  return { sent: report.sent, skipped: report.skipped, busy: report.busy, held: report.held };
});
