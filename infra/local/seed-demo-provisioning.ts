import type { Principal } from '../../shared/auth/principal.js';
import { createAssignment, createSeatType, createWorkspace } from '../../shared/people/company/company-config-admin.js';
import { getCompanySettings, updateCompanySettings } from '../../shared/people/company/company-settings-admin.js';
import { NO_DATA_CAPTURE } from '../../shared/people/company/settings-model.js';
import { createGroup } from '../../shared/people/groups/groups.js';

/**
 * What a newcomer needs to see the whole behaviour at once: seat types with small totals, a
 * workspace with permission profiles, groups "Sales" and "Support" (Okta's Group Push links to
 * them by name), and two assignments — Sales governed automatically, Support applied once
 * (manual) — and manager notifications switched on.
 */
export async function seedDemoProvisioning(principal: Principal): Promise<void> {
  const { tenantId } = principal;
  const recorder = await createSeatType(tenantId, { name: 'Recorder', total: 5, capabilities: ['dataCapture'] });
  const forecast = await createSeatType(tenantId, { name: 'Forecast', total: 2, capabilities: ['forecast'] });
  await createSeatType(tenantId, { name: 'Engage', total: 2, capabilities: ['engage'] });
  const workspace = await createWorkspace(tenantId, {
    name: 'Sales workspace',
    permissionProfiles: [
      { id: 'viewer', name: 'Viewer' },
      { id: 'seller', name: 'Seller', requiresSeatTypeId: recorder.id },
      { id: 'forecaster', name: 'Forecaster', requiresSeatTypeId: forecast.id },
    ],
  });
  const sales = (await createGroup(principal, { displayName: 'Sales' })).group;
  const support = (await createGroup(principal, { displayName: 'Support' })).group;
  await createAssignment(tenantId, {
    name: 'Sales team',
    groupIds: [sales.id],
    seatTypeIds: [recorder.id],
    permissions: { [workspace.id]: 'seller' },
    dataCapture: { webConferences: 'record', calendarMeetings: true, telephonyCalls: true, emails: true, mobileCalls: false },
    updateMode: 'automatic',
    priority: 10,
  });
  await createAssignment(tenantId, {
    name: 'Support team',
    groupIds: [support.id],
    seatTypeIds: [],
    permissions: { [workspace.id]: 'viewer' },
    dataCapture: { ...NO_DATA_CAPTURE, calendarMeetings: true },
    updateMode: 'manual',
    priority: 20,
  });
  const settings = await getCompanySettings(tenantId);
  await updateCompanySettings(tenantId, { ...settings, notifyManagersOnImport: true, managersCanToggleDataCapture: true });
}
