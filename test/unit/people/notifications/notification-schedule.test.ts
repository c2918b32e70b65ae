import { describe, expect, it } from 'vitest';
import { nextWorkingTime, notificationTimes } from '../../../../shared/people/notifications/notification-schedule.js';

const at = (iso: string) => new Date(iso);
const israeli = { locale: 'he-IL', timeZone: 'Asia/Jerusalem' };
const american = { locale: 'en-US', timeZone: 'America/New_York' };
const timing = { debounceSeconds: 60, maxWaitSeconds: 900 };

describe('nextWorkingTime', () => {
  it('is the moment itself on a working day of the locale', () => {
    // Friday 14:00 in New York; Sunday 10:00 in Jerusalem (a working day in Israel).
    expect(nextWorkingTime(at('2026-06-05T18:00:00Z'), american)).toEqual(at('2026-06-05T18:00:00Z'));
    expect(nextWorkingTime(at('2026-06-07T07:00:00Z'), israeli)).toEqual(at('2026-06-07T07:00:00Z'));
  });

  it('holds the locale’s weekend until 09:00 local on the next working day', () => {
    // he-IL: Friday–Saturday. Friday 14:00 Jerusalem (UTC+3) → Sunday 09:00 Jerusalem.
    expect(nextWorkingTime(at('2026-06-05T11:00:00Z'), israeli)).toEqual(at('2026-06-07T06:00:00Z'));
    expect(nextWorkingTime(at('2026-06-06T20:59:00Z'), israeli)).toEqual(at('2026-06-07T06:00:00Z'));
    // en-US: Saturday–Sunday. Saturday 12:00 New York → Monday 09:00 New York.
    expect(nextWorkingTime(at('2026-06-06T16:00:00Z'), american)).toEqual(at('2026-06-08T13:00:00Z'));
  });

  it('counts the weekend in the manager’s time zone, not in UTC', () => {
    // 2026-06-05T22:30Z is still Friday in New York (working) but already Saturday in Jerusalem.
    expect(nextWorkingTime(at('2026-06-05T22:30:00Z'), american)).toEqual(at('2026-06-05T22:30:00Z'));
    expect(nextWorkingTime(at('2026-06-05T22:30:00Z'), { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toEqual(at('2026-06-08T00:00:00Z'));
  });

  it('keeps 09:00 local across a daylight-saving change', () => {
    // New York springs forward on Sunday 2026-03-08: Monday 09:00 is EDT (UTC-4).
    expect(nextWorkingTime(at('2026-03-07T17:00:00Z'), american)).toEqual(at('2026-03-09T13:00:00Z'));
    // Israel springs forward on Friday 2026-03-27: Sunday 09:00 is IDT (UTC+3).
    expect(nextWorkingTime(at('2026-03-26T23:00:00Z'), israeli)).toEqual(at('2026-03-29T06:00:00Z'));
  });

  it('uses en-US’s weekend without a locale, and a one-day weekend where the locale has one', () => {
    expect(nextWorkingTime(at('2026-06-07T16:00:00Z'), { timeZone: 'America/New_York' })).toEqual(at('2026-06-08T13:00:00Z'));
    // fa-IR: Friday only. Friday noon Tehran (UTC+3:30) → Saturday 09:00 Tehran.
    expect(nextWorkingTime(at('2026-06-05T08:30:00Z'), { locale: 'fa-IR', timeZone: 'Asia/Tehran' })).toEqual(at('2026-06-06T05:30:00Z'));
  });
});

describe('notificationTimes', () => {
  it('is due after the debounce on a working day, with the cap after the maximum wait', () => {
    expect(notificationTimes(at('2026-06-04T10:00:00Z'), american, timing)).toEqual({
      dueAt: at('2026-06-04T10:01:00Z'),
      capAt: at('2026-06-04T10:15:00Z'),
    });
  });

  it('is held when the debounce ends on the weekend, even if it started on a working day', () => {
    // Thursday 23:59:30 in Jerusalem (UTC+3): a minute later it is Friday.
    const { dueAt, capAt } = notificationTimes(at('2026-06-04T20:59:30Z'), israeli, timing);
    expect(dueAt).toEqual(at('2026-06-07T06:00:00Z'));
    expect(capAt).toEqual(at('2026-06-07T06:00:00Z'));
  });
});
