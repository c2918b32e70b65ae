import * as z from 'zod';
import { preconditionFailed, RosterError } from '../../errors.js';
import { validateTimeZone } from '../../profile/time-zone.js';
import { loadCompanyConfig } from '../../store/company-config.js';
import { getTenant, updateTenantSettings, type TenantRecord } from '../../store/tenants.js';
import { listTeamMembersByCursor } from '../../store/team-members.js';
import { forgetCompanySettings } from './companies.js';
import { checkGrant } from './company-config-admin.js';
import { companyState, refreshEffectiveSettings } from './refresh-effective-settings.js';
import { DEFAULT_ASSIGNMENT_ID, EMPTY_GRANT, grantSchema } from './settings-model.js';
import { validateInput } from '../validate-input.js';

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as example.com');

const settingsInput = z.object({
  name: z.string().trim().min(1).max(200),
  domains: z.array(domain).min(1, 'at least the primary domain is required').max(50),
  allowSubdomains: z.boolean().default(false),
  defaultTimeZone: z.string().refine((zone) => validateTimeZone(zone)?.valid === true, 'must be a TZ database name such as America/New_York'),
  provisioningSource: z.enum(['okta', 'custom']),
  notifyManagersOnImport: z.boolean(),
  managersCanToggleDataCapture: z.boolean(),
  defaultAssignment: grantSchema.default(EMPTY_GRANT),
  /** The version read, to refuse overwriting someone else's change. */
  version: z.number().int().min(1),
});

export type CompanySettingsView = Omit<TenantRecord, 'createdAt'> & { defaultAssignment: NonNullable<TenantRecord['defaultAssignment']> };

export async function getCompanySettings(tenantId: string): Promise<CompanySettingsView> {
  const tenant = await getTenant(tenantId);
  if (!tenant) throw new RosterError(404, 'Company not found.');
  const { createdAt: _createdAt, ...settings } = tenant;
  return { ...settings, allowSubdomains: settings.allowSubdomains ?? false, defaultAssignment: settings.defaultAssignment ?? EMPTY_GRANT };
}

/**
 * PUT /settings. A changed default assignment re-evaluates the members it governs (in pages,
 * inside this request: fine for the company sizes a default change is made at; a very large
 * company would move this to a background job).
 */
export async function updateCompanySettings(tenantId: string, body: unknown): Promise<CompanySettingsView> {
  const { version, ...input } = validateInput(settingsInput, body);
  const previous = await getCompanySettings(tenantId);
  const config = await loadCompanyConfig(tenantId);
  checkGrant(config, input.defaultAssignment);
  if (!(await updateTenantSettings(tenantId, input, version))) {
    throw preconditionFailed(`The settings changed since version ${version} was read; read them again and retry.`);
  }
  forgetCompanySettings(tenantId);
  if (JSON.stringify(previous.defaultAssignment) !== JSON.stringify(input.defaultAssignment)) {
    const state = await companyState(tenantId, { config });
    let cursor: string | undefined;
    do {
      const page = await listTeamMembersByCursor(tenantId, cursor, 100);
      const governed = page.items.filter((member) => (member.effective?.assignmentId ?? DEFAULT_ASSIGNMENT_ID) === DEFAULT_ASSIGNMENT_ID);
      await Promise.all(governed.map((member) => refreshEffectiveSettings(tenantId, member.id, state)));
      cursor = page.nextCursor;
    } while (cursor);
  }
  return getCompanySettings(tenantId);
}
