import { describe, expect, it } from 'vitest';
import { managerDataCaptureControl } from '../../../../shared/people/members/data-capture-control.js';
import type { EffectiveSettings } from '../../../../shared/store/company-config.js';

const effective = (overrides: Partial<EffectiveSettings> = {}): EffectiveSettings => ({
  assignmentId: 'coaching',
  updateMode: 'manual',
  grantedSeatTypeIds: ['recorder'],
  seatTypeIds: ['recorder'],
  seatShortage: [],
  permissions: {},
  dataCapture: { webConferences: 'record', calendarMeetings: false, telephonyCalls: false, emails: false, mobileCalls: false },
  dataCaptureActive: true,
  capabilities: ['dataCapture'],
  ...overrides,
});
const manager = { id: 'm', active: true };
const member = (overrides: Record<string, unknown> = {}) => ({ managerId: 'm', active: true, effective: effective(), ...overrides });
const allowed = { managersCanToggleDataCapture: true };
const control = (input: Partial<Parameters<typeof managerDataCaptureControl>[0]> = {}) =>
  managerDataCaptureControl({ company: allowed, manager, member: member(), assignmentName: 'Coaching', ...input });

describe('managerDataCaptureControl', () => {
  it('lets the active direct manager switch a seated, manually governed report when the company allows it', () => {
    expect(control()).toEqual({ canChange: true });
  });

  it('says why not, in words, for each rule', () => {
    expect(control({ company: { managersCanToggleDataCapture: false } })).toEqual({ canChange: false, reason: 'Your admins manage data capture in this company.' });
    expect(control({ member: member({ effective: effective({ updateMode: 'automatic' }) }), assignmentName: 'Sales' })).toEqual({
      canChange: false,
      reason: 'Set by the Sales assignment, managed by your admins.',
    });
    expect(control({ member: member({ effective: effective({ capabilities: [] }) }) })).toEqual({ canChange: false, reason: 'They hold no seat that includes data capture.' });
    expect(control({ member: member({ effective: undefined }) })).toMatchObject({ canChange: false, reason: expect.stringContaining('still being prepared') });
  });

  it('refuses anyone but the active direct manager, and a report who is not active', () => {
    expect(control({ manager: { id: 'other', active: true } }).canChange).toBe(false);
    expect(control({ manager: { id: 'm', active: false } }).canChange).toBe(false);
    expect(control({ member: member({ active: false }) }).canChange).toBe(false);
    expect(control({ member: member({ deletedAt: '2026-01-01T00:00:00Z' }) }).canChange).toBe(false);
  });
});
