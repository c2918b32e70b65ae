import { preconditionFailed, RosterError } from '../../errors.js';
import { loadCompanyConfig } from '../../store/company-config.js';
import { getTenant, updateTenantSettings, type TenantRecord } from '../../store/tenants.js';
import { listTeamMembersByCursor } from '../../store/team-members.js';
import { forgetCompanySettings } from './companies.js';
import { splitRequestedDomains, verificationRecord } from './domain-verification.js';
import { forgetCompanyTokens } from '../../auth/authenticate.js';
import { checkGrant } from './company-config-admin.js';
import { companyState, refreshEffectiveSettings } from './refresh-effective-settings.js';
import { DEFAULT_ASSIGNMENT_ID, EMPTY_GRANT, type Grant } from './settings-model.js';

/** What the tech admin sets; `version` is the one read, to refuse overwriting someone else's change. */
export interface CompanySettingsChange {
  name: string;
  domains: string[];
  allowSubdomains: boolean;
  defaultTimeZone: string;
  provisioningSource: 'okta' | 'custom';
  notifyManagersOnImport: boolean;
  managersCanToggleDataCapture: boolean;
  defaultAssignment: Grant;
  /** Work emails of the team members who may use the console's admin pages (absent: kept as it is). */
  adminEmails?: string[];
  /** The console's "Sign in with your company account" (absent: people sign in with emailed links). */
  oidc?: { issuer: string; clientId: string };
  /** Days after which a member deactivated or deleted all along is erased; null: never; absent: kept as it is. */
  eraseAfterDays?: number | null;
  version: number;
}

export type CompanySettingsView = Omit<TenantRecord, 'createdAt' | 'pendingDomains' | 'eraseAfterDays'> & {
  allowSubdomains: boolean;
  /** null: members are never erased automatically. */
  eraseAfterDays: number | null;
  defaultAssignment: Grant;
  adminEmails: string[];
  /** Added but not yet proven: members there are refused and nobody there is mailed. */
  pendingDomains: Array<{ domain: string; txtRecord: string; addedAt: string }>;
};

export async function getCompanySettings(tenantId: string): Promise<CompanySettingsView> {
  const tenant = await getTenant(tenantId);
  if (!tenant) throw new RosterError(404, 'Company not found.');
  return viewOf(tenant);
}

function viewOf(tenant: TenantRecord): CompanySettingsView {
  const { createdAt: _createdAt, pendingDomains = [], ...settings } = tenant;
  return {
    ...settings,
    pendingDomains: pendingDomains.map(({ domain, token, addedAt }) => ({ domain, txtRecord: verificationRecord(token), addedAt })),
    allowSubdomains: settings.allowSubdomains ?? false,
    defaultAssignment: settings.defaultAssignment ?? EMPTY_GRANT,
    adminEmails: settings.adminEmails ?? [],
    eraseAfterDays: settings.eraseAfterDays ?? null,
  };
}

/**
 * A changed default assignment re-evaluates the members it governs (in pages,
 * inside this request: fine for the company sizes a default change is made at; a very large
 * company would move this to a background job).
 */
export async function updateCompanySettings(tenantId: string, change: CompanySettingsChange): Promise<CompanySettingsView> {
  const { name, domains, allowSubdomains, defaultTimeZone, provisioningSource, notifyManagersOnImport, managersCanToggleDataCapture, defaultAssignment, oidc, version } = change;
  const current = await getTenant(tenantId);
  if (!current) throw new RosterError(404, 'Company not found.');
  const previous = viewOf(current);
  // A domain the company adds stays pending until its DNS TXT record proves the company controls it.
  const input = {
    name,
    ...splitRequestedDomains(domains, current),
    allowSubdomains,
    defaultTimeZone,
    provisioningSource,
    notifyManagersOnImport,
    managersCanToggleDataCapture,
    defaultAssignment,
    adminEmails: change.adminEmails ?? previous.adminEmails,
    oidc,
    // Undefined removes it (never); the daily erasure reads it at each run, so a change applies to
    // every member already inactive as well.
    eraseAfterDays: change.eraseAfterDays === undefined ? current.eraseAfterDays : (change.eraseAfterDays ?? undefined),
  };
  const config = await loadCompanyConfig(tenantId);
  checkGrant(config, input.defaultAssignment);
  if (!(await updateTenantSettings(tenantId, input, version))) {
    throw preconditionFailed(`The settings changed since version ${version} was read; read them again and retry.`);
  }
  forgetCompanySettings(tenantId);
  // Cached SCIM principals carry the selected source: a switch must not wait for them to expire here.
  if (previous.provisioningSource !== input.provisioningSource) forgetCompanyTokens(tenantId);
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
