import { describe, expect, it } from 'vitest';
import { digestDecision, workEmail } from '../../../../shared/people/notifications/notification-eligibility.js';
import type { EffectiveSettings } from '../../../../shared/store/company-config.js';
import type { TeamMemberRecord } from '../../../../shared/store/team-members.js';
import { company, teamMemberRecord } from '../../support/records.js';

const recorded = { dataCaptureActive: true } as EffectiveSettings;
const unrecorded = { dataCaptureActive: false } as EffectiveSettings;
const manager = teamMemberRecord({
  id: 'boss',
  attributes: { emails: [{ value: 'home@example.org', type: 'home' }, { value: 'boss@example.com', type: 'work', primary: true }] },
});
const report = (id: string, overrides: Partial<TeamMemberRecord> = {}) => teamMemberRecord({ id, managerId: 'boss', effective: recorded, ...overrides });
const on = company({ notifyManagersOnImport: true });

const decide = (overrides: Partial<Parameters<typeof digestDecision>[0]> = {}) =>
  digestDecision({ company: on, manager, queued: [report('new')], directReports: [], ...overrides });

describe('digestDecision', () => {
  it('sends to the manager’s primary work email, listing the queued reports', () => {
    expect(decide()).toEqual({ send: [report('new')], to: 'boss@example.com' });
  });

  it('sends nothing for a company the operator suspended, whatever its setting', () => {
    expect(decide({ company: company({ notifyManagersOnImport: true, suspendedAt: '2026-11-30T10:00:00.000Z' }) })).toEqual({ skip: 'companySuspended' });
  });

  it('sends nothing when the company setting is off', () => {
    expect(decide({ company: company({ notifyManagersOnImport: false }) })).toEqual({ skip: 'settingOff' });
  });

  it('sends nothing to a manager who is missing, inactive, deleted or without a work email', () => {
    expect(decide({ manager: undefined })).toEqual({ skip: 'managerMissing' });
    expect(decide({ manager: { ...manager, active: false } })).toEqual({ skip: 'managerInactive' });
    expect(decide({ manager: { ...manager, deletedAt: '2026-01-01T00:00:00Z' } })).toEqual({ skip: 'managerInactive' });
    expect(decide({ manager: { ...manager, attributes: { emails: [{ value: 'home@example.org', type: 'home' }] } } })).toEqual({ skip: 'managerWithoutEmail' });
  });

  it('mails only an address at one of the company’s verified domains, never a pending or foreign one', () => {
    const pending = company({ notifyManagersOnImport: true, domains: ['example.com'], pendingDomains: [{ domain: 'victim.example', token: 't', addedAt: '2026-01-01T00:00:00Z' }] });
    const outsider = { ...manager, attributes: { emails: [{ value: 'ceo@victim.example', type: 'work', primary: true }] } };
    expect(decide({ company: pending, manager: outsider })).toEqual({ skip: 'managerOutsideDomains' });
    expect(decide({ manager: { ...manager, attributes: { emails: [{ value: 'boss@sub.example.com', primary: true }] } } })).toEqual({ skip: 'managerOutsideDomains' });
  });

  it('sends nothing when no active direct report, the new ones included, has data capture active', () => {
    expect(decide({ queued: [report('new', { effective: unrecorded })] })).toEqual({ skip: 'teamNotRecorded' });
    expect(decide({ queued: [report('new', { effective: unrecorded })], directReports: [report('old', { active: false })] })).toEqual({ skip: 'teamNotRecorded' });
    const older = report('old');
    expect(decide({ queued: [report('new', { effective: unrecorded })], directReports: [older] })).toMatchObject({ send: [{ id: 'new' }] });
  });

  it('leaves out queued members who left, were deactivated or now report to someone else', () => {
    const decision = decide({ queued: [report('a'), report('b', { active: false }), report('c', { managerId: 'other' }), report('d', { deletedAt: 'x' })] });
    expect('send' in decision && decision.send.map((member) => member.id)).toEqual(['a']);
    expect(decide({ queued: [report('b', { active: false })] })).toEqual({ skip: 'noNewReports' });
  });
});

describe('workEmail', () => {
  it('is the primary email, else the first work email', () => {
    expect(workEmail(manager)).toBe('boss@example.com');
    expect(workEmail(teamMemberRecord({ attributes: { emails: [{ value: 'w@example.com', type: 'work' }] } }))).toBe('w@example.com');
    expect(workEmail(teamMemberRecord({ attributes: {} }))).toBeUndefined();
  });
});
