import type { CompanySettingsView } from '../../people/company/company-settings-admin.js';
import type { Grant } from '../../people/company/settings-model.js';
import { grantFromForm } from './grant-form.js';
import { lines } from './form-values.js';

/** The provisioning settings as the form holds them (text as typed, before the schema checks it). */
export interface SettingsDraft {
  provisioningSource: string;
  domains: string;
  defaultTimeZone: string;
  defaultAssignment: Grant;
  notifyManagersOnImport: boolean;
  managersCanToggleDataCapture: boolean;
  adminEmails: string;
  /** Days as typed; empty: never. */
  eraseAfterDays: string;
  version: number;
}

export const draftOfSettings = (settings: CompanySettingsView): SettingsDraft => ({
  provisioningSource: settings.provisioningSource,
  // Pending domains stay in the list: a save that left them out would drop them.
  domains: [...settings.domains, ...settings.pendingDomains.map((pending) => pending.domain)].join('\n'),
  defaultTimeZone: settings.defaultTimeZone,
  defaultAssignment: settings.defaultAssignment,
  notifyManagersOnImport: settings.notifyManagersOnImport,
  managersCanToggleDataCapture: settings.managersCanToggleDataCapture,
  adminEmails: settings.adminEmails.join('\n'),
  eraseAfterDays: settings.eraseAfterDays === null ? '' : String(settings.eraseAfterDays),
  version: settings.version,
});

export const draftOfForm = (params: Record<string, string>): SettingsDraft => ({
  provisioningSource: params.provisioningSource ?? '',
  domains: params.domains ?? '',
  defaultTimeZone: (params.defaultTimeZone ?? '').trim(),
  defaultAssignment: grantFromForm(params),
  notifyManagersOnImport: params.notifyManagersOnImport === 'on',
  managersCanToggleDataCapture: params.managersCanToggleDataCapture === 'on',
  adminEmails: params.adminEmails ?? '',
  eraseAfterDays: (params.eraseAfterDays ?? '').trim(),
  version: Number(params.version),
});

/**
 * The settings change a draft asks for, for the domain's settings schema: what the page does not
 * show (name, subdomains, OpenID Connect) is kept as saved.
 */
export const changeOfDraft = (draft: SettingsDraft, saved: CompanySettingsView) => ({
  name: saved.name,
  allowSubdomains: saved.allowSubdomains,
  ...(saved.oidc ? { oidc: saved.oidc } : {}),
  provisioningSource: draft.provisioningSource,
  domains: lines(draft.domains),
  defaultTimeZone: draft.defaultTimeZone,
  defaultAssignment: draft.defaultAssignment,
  notifyManagersOnImport: draft.notifyManagersOnImport,
  managersCanToggleDataCapture: draft.managersCanToggleDataCapture,
  adminEmails: lines(draft.adminEmails),
  eraseAfterDays: draft.eraseAfterDays === '' ? null : Number(draft.eraseAfterDays),
  version: draft.version,
});

const FIELD_LABELS: Record<Exclude<keyof SettingsDraft, 'version'>, string> = {
  provisioningSource: 'Provisioning source',
  domains: 'Company domains',
  defaultTimeZone: 'Default time zone',
  defaultAssignment: 'Default assignment',
  notifyManagersOnImport: 'Notify direct managers',
  managersCanToggleDataCapture: 'Managers can turn data capture on or off',
  adminEmails: 'Admin emails',
  eraseAfterDays: 'Erase inactive team members after',
};

/** The fields saved differently from what this draft holds. */
export function differences(saved: SettingsDraft, mine: SettingsDraft): string[] {
  const normal = (value: unknown) => canonical(typeof value === 'string' ? lines(value) : value);
  return (Object.keys(FIELD_LABELS) as Array<keyof typeof FIELD_LABELS>).filter((field) => normal(saved[field]) !== normal(mine[field])).map((field) => FIELD_LABELS[field]);
}

/** JSON with object keys sorted, so equal values compare equal whatever order they were stored in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
