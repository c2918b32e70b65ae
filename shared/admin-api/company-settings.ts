import type { RouteHandler } from '../http/types.js';
import { getCompanySettings, updateCompanySettings } from '../people/company/company-settings-admin.js';
import { verifyDomain } from '../people/company/domain-verification.js';
import { companySettingsInput } from '../people/company/settings-schemas.js';
import { idOf, ok, tenantOf } from './request.js';
import { validateInput } from './validate-input.js';

/** GET and PUT /settings: the company's settings, defaults filled in. */
export const companySettingsApi = {
  read: async (request) => ok(await getCompanySettings(tenantOf(request))),
  update: async (request) => ok(await updateCompanySettings(tenantOf(request), validateInput(await companySettingsInput(), request.body))),
  verifyDomain: async (request) => {
    await verifyDomain(tenantOf(request), idOf(request));
    return ok(await getCompanySettings(tenantOf(request)));
  },
} satisfies Record<string, RouteHandler>;
