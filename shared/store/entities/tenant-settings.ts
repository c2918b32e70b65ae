import { defineEntity } from '../entity.js';
import type { Grant } from './config-items.js';

export interface TenantRecord {
  tenantId: string;
  name: string;
  /** The first is the primary domain. */
  domains: string[];
  /** Whether addresses at subdomains of the domains are accepted too (off unless the company opts in). */
  allowSubdomains?: boolean;
  defaultTimeZone: string;
  provisioningSource: 'okta' | 'custom';
  notifyManagersOnImport: boolean;
  managersCanToggleDataCapture: boolean;
  /**
   * Signing in to the console with the company's identity provider: a public OpenID Connect client
   * (authorization code with PKCE), so no client secret is stored anywhere.
   */
  oidc?: { issuer: string; clientId: string };
  /** Work emails (lower case) of the team members who may use the console's admin pages. */
  adminEmails?: string[];
  /** What members get when no assignment's groups include them (none of anything, by default). */
  defaultAssignment?: Grant;
  createdAt: string;
  version: number;
}

export const tenantSettings = defineEntity<TenantRecord>()({
  type: 'Tenant',
  key: { pk: 'T#{tenantId}', sk: 'SETTINGS' },
  attributes: {
    tenantId: 'string',
    name: 'string',
    domains: 'list',
    allowSubdomains: 'boolean',
    defaultTimeZone: 'string',
    provisioningSource: 'string',
    notifyManagersOnImport: 'boolean',
    managersCanToggleDataCapture: 'boolean',
    adminEmails: 'list',
    oidc: 'value',
    defaultAssignment: 'value',
    createdAt: 'string',
    version: 'number',
  },
});
