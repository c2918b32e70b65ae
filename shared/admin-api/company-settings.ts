import * as z from 'zod';
import { config } from '../config.js';
import type { RouteHandler } from '../http/types.js';
import { getCompanySettings, updateCompanySettings, type CompanySettingsChange } from '../people/company/company-settings-admin.js';
import { verifyDomain } from '../people/company/domain-verification.js';
import { EMPTY_GRANT } from '../people/company/settings-model.js';
import { validateTimeZone } from '../profile/time-zone.js';
import { grantSchema } from './provisioning-schemas.js';
import { idOf, ok, tenantOf } from './request.js';
import { validateInput } from './validate-input.js';

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as example.com');

const settingsBody = z.object({
  name: z.string().trim().min(1).max(200),
  domains: z.array(domain).min(1, 'at least the primary domain is required').max(50),
  allowSubdomains: z.boolean().default(false),
  defaultTimeZone: z.string().refine((zone) => validateTimeZone(zone)?.valid === true, 'must be a TZ database name such as America/New_York'),
  provisioningSource: z.enum(['okta', 'custom']),
  notifyManagersOnImport: z.boolean(),
  managersCanToggleDataCapture: z.boolean(),
  defaultAssignment: grantSchema.default(EMPTY_GRANT),
  /** Console sign-in with the company's OpenID provider: a public client (PKCE), so no secret. */
  oidc: z
    .object({
      issuer: z.url().refine((issuer) => issuer.startsWith('https://') || config().CONSOLE_ALLOW_HTTP_ISSUERS, 'must be an https URL'),
      clientId: z.string().trim().min(1).max(200),
    })
    .optional(),
  /** The version read, to refuse overwriting someone else's change. */
  version: z.number().int().min(1),
}) satisfies z.ZodType<CompanySettingsChange>;

/** GET and PUT /settings: the company's settings, defaults filled in. */
export const companySettingsApi = {
  read: async (request) => ok(await getCompanySettings(tenantOf(request))),
  update: async (request) => ok(await updateCompanySettings(tenantOf(request), validateInput(settingsBody, request.body))),
  verifyDomain: async (request) => {
    await verifyDomain(tenantOf(request), idOf(request));
    return ok(await getCompanySettings(tenantOf(request)));
  },
} satisfies Record<string, RouteHandler>;
