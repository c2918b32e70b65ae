import { randomBytes } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { config } from '../../config.js';
import { preconditionFailed, RosterError } from '../../errors.js';
import { log } from '../../log.js';
import { getTenant, updateTenantSettings, type PendingDomain, type TenantRecord } from '../../store/tenants.js';
import { forgetCompanySettings } from './companies.js';

/** The TXT record that proves a company controls a domain. */
export const verificationRecord = (token: string) => `roster-verification=${token}`;

/**
 * The domains a settings change asks for, split into those already verified (kept, in the order
 * asked) and those that must first be proven (pending; a domain already pending keeps its token).
 */
export function splitRequestedDomains(
  requested: readonly string[],
  current: Pick<TenantRecord, 'domains' | 'pendingDomains'>,
  now = new Date(),
): { domains: string[]; pendingDomains: PendingDomain[] } {
  const verified = new Set(current.domains);
  const pending = new Map((current.pendingDomains ?? []).map((entry) => [entry.domain, entry]));
  const unique = [...new Set(requested)];
  return {
    domains: unique.filter((domain) => verified.has(domain)),
    pendingDomains: unique
      .filter((domain) => !verified.has(domain))
      .map((domain) => pending.get(domain) ?? { domain, token: randomBytes(24).toString('base64url'), addedAt: now.toISOString() }),
  };
}

/**
 * POST /domains/{domain}/verify: looks up the domain's TXT records and, when one of them is the
 * company's `roster-verification=<token>`, moves the domain from pending to verified.
 */
export async function verifyDomain(tenantId: string, domain: string): Promise<TenantRecord> {
  const company = await getTenant(tenantId);
  if (!company) throw new RosterError(404, 'Company not found.');
  const wanted = domain.trim().toLowerCase();
  if (company.domains.includes(wanted)) return company;
  const pending = company.pendingDomains?.find((entry) => entry.domain === wanted);
  if (!pending) throw new RosterError(404, 'That domain is not one of this company\'s; add it in the settings first.');
  const records = await txtRecords(wanted);
  if (!records.includes(verificationRecord(pending.token))) {
    throw new RosterError(409, `No TXT record "${verificationRecord(pending.token)}" was found at ${wanted}. Publish it and try again (DNS changes can take a while to show).`, {
      code: 'domain_not_verified',
    });
  }
  const change = {
    domains: [...company.domains, wanted],
    pendingDomains: (company.pendingDomains ?? []).filter((entry) => entry.domain !== wanted),
  };
  const { tenantId: _id, createdAt: _created, version, ...fields } = company;
  if (!(await updateTenantSettings(tenantId, { ...fields, ...change }, version))) {
    throw preconditionFailed('The settings changed while the domain was being verified; try again.');
  }
  forgetCompanySettings(tenantId);
  log('info', 'company domain verified', { tenantId });
  return { ...company, ...change, version: company.version + 1 };
}

/** The domain's TXT records, each joined from its strings; none when the name has no TXT records. */
async function txtRecords(domain: string): Promise<string[]> {
  const resolver = new Resolver({ timeout: 3_000, tries: 2 });
  const servers = config().DNS_RESOLVERS;
  if (servers.length) resolver.setServers(servers);
  try {
    return (await resolver.resolveTxt(domain)).map((chunks) => chunks.join(''));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENODATA' || code === 'ENOTFOUND') return [];
    log('warn', 'domain verification lookup failed', { code });
    throw new RosterError(503, 'The DNS lookup failed; try again in a moment.', { headers: { 'retry-after': '5' } });
  }
}

/**
 * The operator's way (admin CLI, with AWS credentials on the table): domains verified without a DNS
 * record, appended to the company's verified domains and dropped from its pending ones.
 */
export async function addVerifiedDomains(tenantId: string, domains: readonly string[]): Promise<TenantRecord> {
  const wanted = domains.map((domain) => domain.trim().toLowerCase());
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const company = await getTenant(tenantId);
    if (!company) throw new RosterError(404, `No company ${tenantId}.`);
    const { tenantId: _id, createdAt: _created, version, ...fields } = company;
    const change = {
      domains: [...new Set([...company.domains, ...wanted])],
      pendingDomains: (company.pendingDomains ?? []).filter((entry) => !wanted.includes(entry.domain)),
    };
    if (await updateTenantSettings(tenantId, { ...fields, ...change }, version)) {
      forgetCompanySettings(tenantId);
      return { ...company, ...change, version: version + 1 };
    }
  }
  throw preconditionFailed(`The settings of ${tenantId} kept changing; try again.`);
}
