import { describe, expect, it } from 'vitest';
import { importTrigger, withinLateLinkWindow } from '../../../../shared/people/notifications/import-trigger.js';
import { teamMemberRecord } from '../../support/records.js';

const member = teamMemberRecord;

describe('importTrigger', () => {
  it('is an import when a member is created active, and nothing when created inactive (staged)', () => {
    expect(importTrigger(undefined, member({ active: true }))).toBe('imported');
    expect(importTrigger(undefined, member({ active: false }))).toBeUndefined();
  });

  it('is an activation when an inactive member becomes active (the import record tells a reactivation apart)', () => {
    expect(importTrigger(member({ active: false }), member({ active: true }))).toBe('activated');
    expect(importTrigger(member({ active: true }), member({ active: false }))).toBeUndefined();
  });

  it('is a late link when an active member gets its first manager, not when it changes manager', () => {
    expect(importTrigger(member(), member({ managerId: 'm-1' }))).toBe('linked');
    expect(importTrigger(member({ managerId: 'm-1' }), member({ managerId: 'm-2' }))).toBeUndefined();
    expect(importTrigger(member({ active: false }), member({ active: false, managerId: 'm-1' }))).toBeUndefined();
  });

  it('ignores profile edits and deleted members', () => {
    expect(importTrigger(member({ managerId: 'm-1' }), member({ managerId: 'm-1', attributes: { title: 'Boss' } }))).toBeUndefined();
    expect(importTrigger(undefined, member({ deletedAt: '2026-01-01T00:00:00Z' }))).toBeUndefined();
  });
});

describe('withinLateLinkWindow', () => {
  it('accepts members created in the last 7 days only', () => {
    const now = new Date('2026-06-10T12:00:00Z');
    expect(withinLateLinkWindow('2026-06-03T12:00:00Z', now)).toBe(true);
    expect(withinLateLinkWindow('2026-06-03T11:59:59Z', now)).toBe(false);
  });
});
