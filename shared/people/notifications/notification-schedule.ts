import { DateTime } from 'luxon';
import { weekendDays } from '../../profile/locale.js';

/** On the manager's weekend, held mail goes out at this local hour of the next working day. */
export const WORKDAY_START_HOUR = 9;

export interface Recipient {
  /** BCP 47 tag; its region's weekend applies (en-US when absent). */
  locale?: string;
  /** IANA zone the weekend is counted in. */
  timeZone: string;
}

export interface NotificationTiming {
  debounceSeconds: number;
  maxWaitSeconds: number;
}

/**
 * `at` itself when it falls on one of the recipient's working days (in their time zone), else
 * 09:00 local on the next working day. Only the weekend holds mail: the article's locale rule is
 * about the weekend, so a weekday night is working time.
 */
export function nextWorkingTime(at: Date, recipient: Recipient): Date {
  const weekend = new Set(weekendDays(recipient.locale));
  const zoned = DateTime.fromJSDate(at).setZone(recipient.timeZone);
  const local = zoned.isValid ? zoned : DateTime.fromJSDate(at).setZone('UTC');
  if (!weekend.has(local.weekday)) return at;
  let day = local.startOf('day');
  // No locale's weekend is a whole week; the bound only guards against bad data.
  for (let step = 0; step < 7 && weekend.has(day.weekday); step += 1) day = day.plus({ days: 1 });
  return day.set({ hour: WORKDAY_START_HOUR }).toJSDate();
}

/**
 * When a notification queued at `now` is due: after the debounce, moved out of the weekend. The
 * cap (set by a digest's first member) bounds how long further members can push it back.
 */
export function notificationTimes(now: Date, recipient: Recipient, timing: NotificationTiming): { dueAt: Date; capAt: Date } {
  const after = (seconds: number) => nextWorkingTime(new Date(now.getTime() + seconds * 1000), recipient);
  return { dueAt: after(timing.debounceSeconds), capAt: after(timing.maxWaitSeconds) };
}
