import { RosterError } from '../../errors.js';
import { getCompanyConfig } from '../../people/company/company-config-admin.js';
import { getCompanySettings, updateCompanySettings } from '../../people/company/company-settings-admin.js';
import { verifyDomain } from '../../people/company/domain-verification.js';
import { companySettingsInput } from '../../people/company/settings-schemas.js';
import { htmlResult, redirect } from '../components/layout.js';
import type { ConsoleRoute } from '../console-types.js';
import { parseForm } from '../forms/form-values.js';
import { changeOfDraft, differences, draftOfForm, draftOfSettings } from '../forms/settings-form.js';
import { SettingsPage } from '../pages/admin/settings-page.js';
import { signedInAdmin } from '../viewer.js';

const PATH = '/console/admin/settings';

/** The provisioning settings page: the same settings and rules as the admin API's PUT /settings. */
export const adminSettingsRoutes = {
  'GET /console/admin/settings': async (request) => {
    const { viewer, session } = await signedInAdmin(request, PATH);
    const [settings, config] = await Promise.all([getCompanySettings(session.tenantId), getCompanyConfig(session.tenantId)]);
    const notice = request.params.saved === '1' ? 'Settings saved.' : request.params.verified ? `${request.params.verified} is verified.` : undefined;
    return htmlResult(200, <SettingsPage viewer={viewer} draft={draftOfSettings(settings)} config={config} pendingDomains={settings.pendingDomains} {...(notice ? { notice } : {})} />);
  },

  'POST /console/admin/settings': async (request) => {
    const { viewer, session } = await signedInAdmin(request, PATH);
    const tenantId = session.tenantId;
    const draft = draftOfForm(request.params);
    const [saved, config] = await Promise.all([getCompanySettings(tenantId), getCompanyConfig(tenantId)]);
    const { pendingDomains } = saved;
    if (saved.version !== draft.version) {
      // Shown rather than written: the domain would refuse the stale version anyway, and this page
      // can say what changed while keeping what this person typed.
      const conflict = { changedFields: differences(draftOfSettings(saved), draft), version: saved.version };
      return htmlResult(409, <SettingsPage viewer={viewer} draft={{ ...draft, version: saved.version }} config={config} pendingDomains={pendingDomains} conflict={conflict} />);
    }
    const parsed = parseForm(await companySettingsInput(), changeOfDraft(draft, saved));
    if (!parsed.ok) return htmlResult(400, <SettingsPage viewer={viewer} draft={draft} config={config} pendingDomains={pendingDomains} problems={parsed.problems} />);
    try {
      await updateCompanySettings(tenantId, parsed.value);
    } catch (error) {
      if (!(error instanceof RosterError) || error.status >= 500) throw error;
      if (error.status === 412) {
        const now = await getCompanySettings(tenantId);
        const conflict = { changedFields: differences(draftOfSettings(now), draft), version: now.version };
        return htmlResult(409, <SettingsPage viewer={viewer} draft={{ ...draft, version: now.version }} config={config} pendingDomains={now.pendingDomains} conflict={conflict} />);
      }
      return htmlResult(error.status, <SettingsPage viewer={viewer} draft={draft} config={config} pendingDomains={pendingDomains} problems={[error.message]} />);
    }
    return redirect(`${PATH}?saved=1`);
  },

  /** "Check DNS now" for a pending domain: the admin API's verification, its refusal shown in words. */
  'POST /console/admin/settings/verify-domain': async (request) => {
    const { viewer, session } = await signedInAdmin(request, PATH);
    const domain = (request.params.domain ?? '').trim().toLowerCase();
    try {
      await verifyDomain(session.tenantId, domain);
    } catch (error) {
      if (!(error instanceof RosterError) || error.status === 500) throw error;
      const [settings, config] = await Promise.all([getCompanySettings(session.tenantId), getCompanyConfig(session.tenantId)]);
      const page = <SettingsPage viewer={viewer} draft={draftOfSettings(settings)} config={config} pendingDomains={settings.pendingDomains} problems={[error.message]} problemsSummary="The domain is not verified yet:" />;
      return htmlResult(error.status, page);
    }
    return redirect(`${PATH}?verified=${encodeURIComponent(domain)}`);
  },
} satisfies Record<string, ConsoleRoute>;
