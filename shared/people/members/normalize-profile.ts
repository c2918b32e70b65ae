import { normalizeCountry } from '../../profile/country.js';
import { normalizeLocale } from '../../profile/locale.js';
import { checkMandatoryFields } from '../../profile/mandatory-fields.js';
import { fullNameKey, normalizeFullName } from '../../profile/names.js';
import { normalizePhone } from '../../profile/phone.js';
import { normalizeStateOrProvince } from '../../profile/state-province.js';
import { resolveTimeZone, validateTimeZone } from '../../profile/time-zone.js';
import { ImportRejected } from './import-rejected.js';
import { identifier, managerReferenceOf, type ManagerReference } from './member-identifiers.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA, type TeamMemberInput } from './profile-document.js';
import type { ResolvedProfile } from '../../store/team-members.js';
import type { TenantRecord } from '../../store/tenants.js';

export interface NormalizedProfile {
  attributes: Record<string, unknown>;
  identifiers: string[];
  resolved: Omit<ResolvedProfile, 'managerResolution'>;
  manager: ManagerReference;
}

type Json = Record<string, unknown>;
type Email = { value: string; type?: string; primary?: boolean };
type Phone = { value: string; type?: string; primary?: boolean };
type Address = { type?: string; country?: string; region?: string; primary?: boolean };

/**
 * The provisioning rules of the article (Step 4 and "How is the timezone calculated?") applied to
 * a member's profile, the same way on create and on update: mandatory fields (else the user is not
 * imported), then normalised phone, country, state or province, locale and time zone. Optional
 * values Roster cannot read are kept as given and flagged, never a reason to refuse the user.
 */
export function normalizeTeamMemberProfile(input: TeamMemberInput, company: TenantRecord): NormalizedProfile {
  const attributes: Json = structuredClone(input.attributes);
  const name = (attributes.name ?? {}) as Json;
  const emails = (attributes.emails ?? []) as Email[];
  const roster = { ...((attributes[ROSTER_USER_SCHEMA] ?? {}) as Json) };
  const enterprise = (attributes[ENTERPRISE_USER_SCHEMA] ?? {}) as Json;
  const issues: ResolvedProfile['issues'] = [];

  const primaryEmail = emails.find((email) => email.primary) ?? emails.find((email) => email.type === 'work') ?? emails[0];
  const violation = checkMandatoryFields(
    { givenName: name.givenName as string | undefined, familyName: name.familyName as string | undefined, primaryEmail: primaryEmail?.value },
    company,
  );
  if (violation) throw new ImportRejected(violation.rule, violation.detail);

  const timezone = validateTimeZone(attributes.timezone as string | undefined);
  if (timezone && !timezone.valid) throw new ImportRejected('timezone', `The user was not imported: timezone "${attributes.timezone}" — ${timezone.reason}`);
  if (timezone?.valid) attributes.timezone = timezone.zone;

  const address = pickPreferred((attributes.addresses ?? []) as Address[]);
  const country = normalizeCountry((roster.country as string | undefined) || address?.country);
  if (country?.code) roster.country = country.code;
  else if (country) issues.push({ field: 'country', reason: country.reason ?? 'unknown country' });

  const region = normalizeStateOrProvince((roster.stateOrProvince as string | undefined) || address?.region, country?.code);
  if (region?.code) roster.stateOrProvince = region.code;
  else if (region && !region.valid) issues.push({ field: 'stateOrProvince', reason: region.reason ?? 'unknown state or province' });

  const phones = (attributes.phoneNumbers ?? []) as Phone[];
  const phone = pickPreferred(phones);
  if (phone) {
    const normalized = normalizePhone(phone.value, { defaultCountry: country?.code, explicitExtension: roster.primaryPhoneExtension as string | undefined });
    if (normalized?.e164) phone.value = normalized.e164;
    if (normalized?.extension) roster.primaryPhoneExtension = normalized.extension;
    if (normalized && !normalized.valid) issues.push({ field: 'phoneNumbers', reason: normalized.reason ?? 'unreadable phone number' });
  }

  const locale = normalizeLocale(attributes.locale as string | undefined);
  attributes.locale = locale.locale;
  if (!locale.valid) issues.push({ field: 'locale', reason: locale.reason ?? 'unknown locale; en-US used' });

  for (const email of emails) email.value = email.value.trim();
  if (Object.keys(roster).length) attributes[ROSTER_USER_SCHEMA] = roster;

  const zone = resolveTimeZone({
    timezone: attributes.timezone as string | undefined,
    countryCode: country?.code,
    subdivisionCode: region?.code,
    companyDefault: company.defaultTimeZone,
  });
  const ownName = fullNameKey(normalizeFullName(name.givenName as string, name.familyName as string));
  const employeeNumber = enterprise.employeeNumber as string | undefined;

  return {
    attributes,
    identifiers: [
      ...new Set([
        ...emails.map((email) => identifier.email(email.value)),
        ...(employeeNumber ? [identifier.employeeNumber(employeeNumber)] : []),
        ...(ownName ? [identifier.fullName(ownName)] : []),
      ]),
    ],
    resolved: { resolvedTimeZone: zone.zone, timeZoneSource: zone.source, issues },
    manager: managerReferenceOf(attributes),
  };
}

/** The primary element, else the work one, else the first. */
function pickPreferred<T extends { type?: string; primary?: boolean }>(elements: T[]): T | undefined {
  return elements.find((element) => element.primary) ?? elements.find((element) => element.type === 'work') ?? elements[0];
}
