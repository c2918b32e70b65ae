import type { ComponentChildren, VNode } from 'preact';
import type { CompanySettingsView } from '../../../people/company/company-settings-admin.js';
import { MAX_ERASE_AFTER_DAYS } from '../../../people/company/settings-schemas.js';
import type { CompanyConfig } from '../../../store/company-config.js';
import { CsrfField, Notice, Page, Problems, ScrollingTable, type Viewer } from '../../components/layout.js';
import { GrantFields } from '../../forms/grant-form.js';
import type { SettingsDraft } from '../../forms/settings-form.js';

interface SettingsPageProps {
  viewer: Viewer;
  draft: SettingsDraft;
  config: CompanyConfig;
  /** Domains in the list that DNS has not proven yet, with the TXT record that would. */
  pendingDomains: CompanySettingsView['pendingDomains'];
  notice?: string;
  problems?: string[];
  /** What the problems stopped: saving the settings, unless said otherwise (a domain's DNS check). */
  problemsSummary?: string;
  /** Someone else saved first: the fields that differ from this person's unsaved draft, which the form keeps. */
  conflict?: { changedFields: string[]; version: number };
}

export function SettingsPage({ viewer, draft, config, pendingDomains, notice, problems, problemsSummary = 'The settings were not saved:', conflict }: SettingsPageProps): VNode {
  return (
    <Page title="Provisioning settings" viewer={viewer} section="settings">
      <h1>Team Member Provisioning</h1>
      <Notice notice={notice} />
      {conflict && (
        <div class="error" role="alert">
          <p>
            <strong>Someone else saved these settings while you were editing.</strong> Your changes are below and were <strong>not saved</strong>, so
            nothing of theirs was overwritten.
          </p>
          <p>
            What is saved now differs from your form in: {conflict.changedFields.length ? conflict.changedFields.join(', ') : 'nothing'}. Review the form,
            then save again to replace the saved settings with yours, or reload the page to start from what is saved.
          </p>
        </div>
      )}
      <Problems problems={problems} summary={problemsSummary} />
      <form method="post" action="/console/admin/settings" class="card">
        <CsrfField token={viewer.csrfToken} />
        <input type="hidden" name="version" value={String(draft.version)} />
        <fieldset>
          <legend>Provisioning source</legend>
          <label class="check">
            <input type="radio" name="provisioningSource" value="okta" checked={draft.provisioningSource === 'okta'} />
            <span>Okta</span>
          </label>
          <label class="check">
            <input type="radio" name="provisioningSource" value="custom" checked={draft.provisioningSource === 'custom'} />
            <span>Custom (another SCIM client)</span>
          </label>
        </fieldset>
        <TextareaField name="domains" label="Company domains" value={draft.domains}>
          One per line; the first is the primary domain. Team members’ work emails must be at one of these. A domain you add counts once a DNS
          record proves it is your company’s (see Domain verification below).
        </TextareaField>
        <label for="defaultTimeZone">Default time zone</label>
        <input type="text" id="defaultTimeZone" name="defaultTimeZone" value={draft.defaultTimeZone} aria-describedby="tz-hint" autocomplete="off" />
        <p class="hint" id="tz-hint">
          A time zone name such as America/New_York, for people Okta sends none for.
        </p>
        <h2>Default assignment</h2>
        <p class="hint">What team members get when none of the assignments’ groups includes them.</p>
        <GrantFields grant={draft.defaultAssignment} config={config} idPrefix="default" />
        <fieldset>
          <legend>Managers</legend>
          <label class="check">
            <input type="checkbox" name="notifyManagersOnImport" checked={draft.notifyManagersOnImport} />
            <span>Notify direct managers with recorded teams when a new team member who reports to them is imported</span>
          </label>
          <label class="check">
            <input type="checkbox" name="managersCanToggleDataCapture" checked={draft.managersCanToggleDataCapture} />
            <span>Managers can turn data capture on or off for their direct reports</span>
          </label>
        </fieldset>
        <label for="eraseAfterDays">Erase inactive team members after (days)</label>
        <input
          type="number"
          id="eraseAfterDays"
          name="eraseAfterDays"
          min="1"
          max={String(MAX_ERASE_AFTER_DAYS)}
          step="1"
          inputmode="numeric"
          value={draft.eraseAfterDays}
          aria-describedby="eraseAfterDays-hint"
        />
        <p class="hint" id="eraseAfterDays-hint">
          Empty: never. Once a team member has been deactivated or deleted this many days without a break, Roster erases their personal values
          and redacts their history, as an erasure on request does; reactivated before then, they are kept. A change applies to the members
          already deactivated or deleted as well.
        </p>
        <TextareaField name="adminEmails" label="Admin emails" value={draft.adminEmails}>
          Work emails of the team members who may use these admin pages, one per line. Whoever signs in with the admin token always can.
        </TextareaField>
        <div class="actions">
          <button type="submit" class="primary">
            Save
          </button>
        </div>
      </form>
      <PendingDomains domains={pendingDomains} csrfToken={viewer.csrfToken} />
    </Page>
  );
}

function TextareaField({ name, label, value, children }: { name: string; label: string; value: string; children: ComponentChildren }): VNode {
  return (
    <>
      <label for={name}>{label}</label>
      <textarea id={name} name={name} aria-describedby={`${name}-hint`}>
        {value}
      </textarea>
      <p class="hint" id={`${name}-hint`}>
        {children}
      </p>
    </>
  );
}

/** Each added domain not proven yet: the TXT record to publish, and a button to check for it. */
function PendingDomains({ domains, csrfToken }: { domains: SettingsPageProps['pendingDomains']; csrfToken: string }): VNode | null {
  if (!domains.length) return null;
  return (
    <section class="card" aria-labelledby="pending-domains">
      <h2 id="pending-domains">Domain verification</h2>
      <p class="hint">
        Until a domain is verified, Okta’s users with emails there are refused and Roster mails nobody there. Publish the TXT record at the
        domain with your DNS provider, then check.
      </p>
      <ScrollingTable label="Pending domains">
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">TXT record to publish</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {domains.map((pending) => (
            <tr key={pending.domain}>
              <td>{pending.domain} (pending)</td>
              <td>
                <code>{pending.txtRecord}</code>
              </td>
              <td>
                <form method="post" action="/console/admin/settings/verify-domain">
                  <CsrfField token={csrfToken} />
                  <input type="hidden" name="domain" value={pending.domain} />
                  <button type="submit">Check DNS for {pending.domain}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </section>
  );
}
