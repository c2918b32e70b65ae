import { describe, expect, it } from 'vitest';
import { historyEvents } from '../../../../shared/people/members/member-history.js';
import type { EffectiveSettings } from '../../../../shared/store/company-config.js';
import { teamMemberRecord } from '../../support/records.js';

const settings = (overrides: Partial<EffectiveSettings> = {}): EffectiveSettings => ({
  assignmentId: 'default',
  updateMode: 'manual',
  grantedSeatTypeIds: ['s-1'],
  seatTypeIds: ['s-1'],
  seatShortage: [],
  permissions: {},
  dataCapture: { webConferences: 'record', calendarMeetings: false, telephonyCalls: false } as EffectiveSettings['dataCapture'],
  dataCaptureActive: true,
  capabilities: ['dataCapture'],
  ...overrides,
});

describe('historyEvents', () => {
  it('names a creation with the values it started with', () => {
    expect(historyEvents(undefined, teamMemberRecord({ managerId: 'm-1' }))).toEqual([
      {
        event: 'created',
        changes: [
          { field: 'userName', from: null, to: 'jane.doe@example.com' },
          { field: 'active', from: null, to: true },
          { field: 'managerId', from: null, to: 'm-1' },
        ],
      },
    ]);
  });

  it('lists each changed profile field with old and new value, and never a secret', () => {
    const before = teamMemberRecord({ attributes: { name: { givenName: 'Jane', familyName: 'Doe' }, title: 'AE', password: 'old', active: true } });
    const after = teamMemberRecord({ attributes: { name: { givenName: 'Janet', familyName: 'Doe' }, password: 'new', active: false }, active: false });
    expect(historyEvents(before, after)).toEqual([
      {
        event: 'profileChanged',
        changes: [
          { field: 'name.givenName', from: 'Jane', to: 'Janet' },
          { field: 'title', from: 'AE', to: null },
        ],
      },
      { event: 'deactivated', changes: [{ field: 'active', from: true, to: false }] },
    ]);
  });

  it('says which groups were joined and left, and that the manager was linked', () => {
    const events = historyEvents(teamMemberRecord({ groupIds: ['g-1', 'g-2'] }), teamMemberRecord({ groupIds: ['g-2', 'g-3'], managerId: 'm-1' }));
    expect(events).toEqual([
      { event: 'managerLinked', changes: [{ field: 'managerId', from: null, to: 'm-1' }] },
      { event: 'groupsChanged', changes: [{ field: 'groupIds', from: ['g-1', 'g-2'], to: ['g-2', 'g-3'] }], detail: { joined: ['g-3'], left: ['g-1'] } },
    ]);
  });

  it('tells settings Roster recomputed (assignment, seats held and short) from data capture switched by hand', () => {
    const recomputed = historyEvents(
      teamMemberRecord({ effective: settings() }),
      teamMemberRecord({ effective: settings({ assignmentId: 'sales', seatTypeIds: [], seatShortage: ['s-1'], dataCaptureActive: false }), changedBy: 'roster' }),
    );
    expect(recomputed).toEqual([
      {
        event: 'settingsRecomputed',
        changes: [
          { field: 'assignmentId', from: 'default', to: 'sales' },
          { field: 'seatsHeld', from: ['s-1'], to: [] },
          { field: 'seatShortage', from: [], to: ['s-1'] },
          { field: 'dataCaptureActive', from: true, to: false },
        ],
        detail: { assignmentId: 'sales', seatsHeld: [], seatShortage: ['s-1'] },
      },
    ]);
    const off = settings({ dataCapture: { ...settings().dataCapture, webConferences: 'doNotRecord' }, dataCaptureActive: false });
    const toggled = historyEvents(teamMemberRecord({ effective: settings() }), teamMemberRecord({ effective: off, changedBy: 'manager:m-1' }));
    expect(toggled.map((event) => event.event)).toEqual(['dataCaptureChanged']);
  });

  it('finds nothing in a write that changed only bookkeeping', () => {
    expect(historyEvents(teamMemberRecord(), teamMemberRecord({ version: 9, updatedAt: '2026-03-01T00:00:00.000Z', changedBy: 'connection:c-2' }))).toEqual([]);
  });
});
