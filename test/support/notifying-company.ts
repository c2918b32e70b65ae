import { randomUUID } from 'node:crypto';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Principal } from '../../shared/auth/principal.js';
import { createAssignment, createSeatType } from '../../shared/people/company/company-config-admin.js';
import { changeGroup, createGroup, getGroupOrFail } from '../../shared/people/groups/groups.js';
import { getCompanySettings, updateCompanySettings } from '../../shared/people/company/company-settings-admin.js';
import { NO_DATA_CAPTURE } from '../../shared/people/company/settings-model.js';
import { processTeamMemberChanges } from '../../shared/people/team-member-changes.js';
import { createTeamMember } from '../../shared/people/members/team-members.js';
import { ROSTER_USER_SCHEMA } from '../../shared/people/members/profile-document.js';
import { parseUserBody } from '../../shared/scim/resources/user-input.js';
import { oktaUser } from './scim-client.js';
import { createTestTenant, type TestTenant } from './tenant.js';

export interface CompanyOptions {
  /** The article's "Notify direct managers with recorded teams…" (on unless said otherwise). */
  notify?: boolean;
  /** Every member gets a recording seat and data capture (the default assignment); else nobody does. */
  recorded?: boolean;
  managersCanToggleDataCapture?: boolean;
  /**
   * Recorded members are governed by a manual assignment (group "Coached") instead of the automatic
   * default assignment, so their manager may switch their data capture.
   */
  manual?: boolean;
}

/**
 * A company of its own (its own random domain, so its people's mailboxes are theirs alone in the
 * shared SES emulator), set up through the admin domain calls, with people imported through the
 * same domain call as SCIM POST /Users.
 */
export async function notifyingCompany({ notify = true, recorded = true, managersCanToggleDataCapture = false, manual = false }: CompanyOptions = {}) {
  const domain = `n${randomUUID().slice(0, 8)}.example.com`;
  const tenant: TestTenant = await createTestTenant(domain);
  const principal: Principal = { tenantId: tenant.tenantId, connectionId: tenant.connectionId, scope: 'scim' };
  const settings = await getCompanySettings(tenant.tenantId);
  const seat = recorded ? await createSeatType(tenant.tenantId, { name: 'Recorder', total: 100_000, capabilities: ['dataCapture'] }) : undefined;
  await updateCompanySettings(tenant.tenantId, {
    ...settings,
    notifyManagersOnImport: notify,
    managersCanToggleDataCapture,
    ...(seat ? { defaultAssignment: { seatTypeIds: [seat.id], permissions: {}, dataCapture: { ...NO_DATA_CAPTURE, webConferences: 'record', telephonyCalls: true } } } : {}),
  });
  const coached = manual && seat ? (await createGroup(principal, { displayName: 'Coached' })).group : undefined;
  if (coached && seat) {
    await createAssignment(tenant.tenantId, {
      name: 'Coaching', groupIds: [coached.id], seatTypeIds: [seat.id], permissions: {}, updateMode: 'manual', priority: 1,
      dataCapture: { ...NO_DATA_CAPTURE, webConferences: 'record', telephonyCalls: true },
    });
  }
  const email = (local: string) => `${local}@${domain}`;
  return {
    tenant,
    tenantId: tenant.tenantId,
    domain,
    email,
    /** Imports a person as Okta would create them; `manager` is the manager's local part. */
    async person(local: string, overrides: Record<string, unknown> = {}, manager?: string) {
      const body = oktaUser(email(local), { ...(manager ? { [ROSTER_USER_SCHEMA]: { managerEmail: email(manager) } } : {}), ...overrides });
      const member = await createTeamMember(principal, parseUserBody(body));
      if (coached) await changeGroup(principal, await getGroupOrFail(principal, coached.id), { memberSteps: [{ kind: 'add', ids: [member.id] }] }, undefined);
      return member;
    },
    async setting(changes: { notifyManagersOnImport?: boolean }) {
      await updateCompanySettings(tenant.tenantId, { ...(await getCompanySettings(tenant.tenantId)), ...changes });
    },
  };
}

/** The notifier's domain call on `records`, by a driven clock; fails the test if a record failed. */
export async function processAt(at: Date, records: DynamoDBRecord[]): Promise<void> {
  const failed = await processTeamMemberChanges(records, () => at);
  if (failed) throw new Error(`stream record ${failed} failed`);
}
