import { defineEntity } from '../entity.js';
import type { Grant } from './config-items.js';

export interface TenantRecord {
  tenantId: string;
  name: string;
  /** The verified domains, the only ones members may be imported at and mail may go to; the first is the primary domain. */
  domains: string[];
  /** Domains the company added and has not yet proven with a DNS TXT record. */
  pendingDomains?: PendingDomain[];
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
  /** Days after which a member deactivated or hidden all along is erased (absent: never). */
  eraseAfterDays?: number;
  createdAt: string;
  version: number;
  /** Set by the operator: the company's SCIM and console requests are refused, nothing is deleted. */
  suspendedAt?: string;
  suspendedReason?: string;
}

export interface PendingDomain {
  domain: string;
  /** Published as the TXT record `roster-verification=<token>` at the domain. */
  token: string;
  addedAt: string;
}

export const tenantSettings = defineEntity<TenantRecord>()({
  type: 'Tenant',
  key: { pk: 'T#{tenantId}', sk: 'SETTINGS' },
  attributes: {
    tenantId: 'string',
    name: 'string',
    domains: 'list',
    pendingDomains: 'value',
    allowSubdomains: 'boolean',
    defaultTimeZone: 'string',
    provisioningSource: 'string',
    notifyManagersOnImport: 'boolean',
    managersCanToggleDataCapture: 'boolean',
    adminEmails: 'list',
    oidc: 'value',
    defaultAssignment: 'value',
    eraseAfterDays: 'number',
    createdAt: 'string',
    version: 'number',
    suspendedAt: 'string',
    suspendedReason: 'string',
  },
  indexes: {
    // Every company, for the operator's `companies list`.
    tenant: { pk: 'COMPANIES', sk: '{tenantId}' },
    // The companies that set a retention, for the daily erasure (the days in the key only keep the
    // others out of this sparse partition).
    list: { pk: 'RETENTION', sk: '{tenantId}#{eraseAfterDays}' },
  },
});
