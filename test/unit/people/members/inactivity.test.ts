import { describe, expect, it } from 'vitest';
import { inactivityChange } from '../../../../shared/people/members/inactivity.js';

const member = (version: number, state: 'active' | 'inactive' | 'hidden' | 'erased' = 'active') => ({
  tenantId: 'acme',
  id: 'm1',
  version,
  updatedAt: `2025-01-0${version}T00:00:00.000Z`,
  active: state === 'active',
  ...(state === 'hidden' || state === 'erased' ? { deletedAt: '2025-01-01T00:00:00.000Z' } : {}),
  ...(state === 'erased' ? { erasedAt: '2025-01-02T00:00:00.000Z' } : {}),
});

describe('what a stream record means for the inactivity clock', () => {
  it('starts it when a member stops being present: deactivated, hidden, or created inactive', () => {
    expect(inactivityChange(member(1), member(2, 'inactive'))).toBe('start');
    expect(inactivityChange(member(1), member(2, 'hidden'))).toBe('start');
    expect(inactivityChange(undefined, member(1, 'inactive'))).toBe('start');
    expect(inactivityChange(undefined, member(1, 'hidden'))).toBe('start');
  });

  it('follows each later version while the member stays away (hidden after deactivated, edited)', () => {
    expect(inactivityChange(member(2, 'inactive'), member(3, 'hidden'))).toBe('continue');
    expect(inactivityChange(member(2, 'inactive'), member(3, 'inactive'))).toBe('continue');
  });

  it('ends it when the member comes back or is erased', () => {
    expect(inactivityChange(member(2, 'inactive'), member(3))).toBe('end');
    expect(inactivityChange(member(2, 'hidden'), member(3, 'erased'))).toBe('end');
    expect(inactivityChange(undefined, member(3, 'erased'))).toBe('end');
  });

  it('leaves it alone for everything else, without a read: active members, writes that keep the version, the erased', () => {
    expect(inactivityChange(undefined, member(1))).toBeUndefined();
    expect(inactivityChange(member(1), member(2))).toBeUndefined();
    // Roster's own follow-ups (recomputed settings, group changes) do not move the version.
    expect(inactivityChange(member(2, 'inactive'), member(2, 'inactive'))).toBeUndefined();
    expect(inactivityChange(member(3, 'erased'), member(3, 'erased'))).toBeUndefined();
  });
});
