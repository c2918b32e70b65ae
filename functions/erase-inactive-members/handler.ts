import type { Context, ScheduledEvent } from 'aws-lambda';
import { eraseMembersPastRetention } from '../../shared/people/members/retention-erasure.js';

/** Time kept back from the function's timeout: no new member is taken up after that. */
const SAFETY_MARGIN_MS = 30_000;

/**
 * Runs once a day (EventBridge; locally the local stack's interval): erases the members that have
 * been deactivated or deleted longer than their company's retention. What a run leaves (its
 * deadline, a failure) the next one does; the function still fails (and alarms) when a member
 * could not be erased.
 */
export const handler = async (_event: ScheduledEvent, context?: Context) => {
  const deadline = context ? Date.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS : undefined;
  const report = await eraseMembersPastRetention({ now: new Date(), ...(deadline === undefined ? {} : { deadline }) });
  if (report.failed) throw new Error(`${report.failed} team member(s) could not be erased after their company's retention; the next run tries again`);
  return report;
};
