import * as z from '../../zod.js';
import { config } from '../../config.js';
import type { CompanySettingsChange } from './company-settings-admin.js';
import { CAPABILITIES, EMPTY_GRANT, NO_DATA_CAPTURE, type AssignmentInput, type DataCaptureSettings, type Grant, type SeatTypeInput, type WorkspaceInput } from './settings-model.js';

/**
 * What a tech admin may write — company settings, seat types, workspaces, assignments and grants —
 * as one set of schemas (defaults filled in) that the admin API's JSON bodies and the console's
 * forms both go through, so a rule is written once.
 */
const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
/** A set of ids: a repeated id means nothing more (and one transaction cannot touch an item twice). */
const idSet = (max: number) => z.pipe(z._default(z.array(id).check(z.maxLength(max)), []), z.transform((ids) => [...new Set(ids)]));
const wholeNumber = (max: number) => z.number().check(z.int(), z.gte(0), z.lte(max));

export const dataCaptureSchema = z.object({
  webConferences: z._default(z.enum(['record', 'doNotRecord', 'neverRecord']), 'doNotRecord'),
  calendarMeetings: z._default(z.boolean(), false),
  telephonyCalls: z._default(z.boolean(), false),
  emails: z._default(z.boolean(), false),
  mobileCalls: z._default(z.boolean(), false),
}) satisfies z.ZodMiniType<DataCaptureSettings>;

export const seatTypeInput = z.object({
  name,
  total: wholeNumber(10_000_000),
  capabilities: z._default(z.array(z.enum(CAPABILITIES)).check(z.maxLength(CAPABILITIES.length)), []),
}) satisfies z.ZodMiniType<SeatTypeInput>;

export const workspaceInput = z.object({
  name,
  permissionProfiles: z._default(z.array(z.object({ id, name, requiresSeatTypeId: z.optional(id) })).check(z.maxLength(50)), []),
}) satisfies z.ZodMiniType<WorkspaceInput>;

export const grantSchema = z.object({
  seatTypeIds: idSet(20),
  /** workspace id → permission profile id */
  permissions: z._default(z.record(id, id), {}),
  dataCapture: z._default(dataCaptureSchema, NO_DATA_CAPTURE),
}) satisfies z.ZodMiniType<Grant>;

export const assignmentInput = z.extend(grantSchema, {
  name,
  groupIds: idSet(100),
  updateMode: z._default(z.enum(['manual', 'automatic']), 'automatic'),
  priority: wholeNumber(1_000_000),
}) satisfies z.ZodMiniType<AssignmentInput>;

/** The longest retention a company can set. */
export const MAX_ERASE_AFTER_DAYS = 3_650;

const domain = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as example.com'),
  );

type TimeZoneRules = typeof import('../../profile/time-zone.js');

const companySettingsSchema = ({ validateTimeZone }: TimeZoneRules) => z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  domains: z.array(domain).check(z.minLength(1, 'at least the primary domain is required'), z.maxLength(50)),
  allowSubdomains: z._default(z.boolean(), false),
  defaultTimeZone: z.string().check(z.refine((zone) => validateTimeZone(zone)?.valid === true, 'must be a TZ database name such as America/New_York')),
  provisioningSource: z.enum(['okta', 'custom']),
  notifyManagersOnImport: z.boolean(),
  managersCanToggleDataCapture: z.boolean(),
  defaultAssignment: z._default(grantSchema, EMPTY_GRANT),
  /** Team members who may use the console's admin pages, by work email. */
  adminEmails: z.optional(
    z.pipe(
      z.array(z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email('must be an email address'))).check(z.maxLength(100)),
      z.transform((emails) => [...new Set(emails)]),
    ),
  ),
  /** Console sign-in with the company's OpenID provider: a public client (PKCE), so no secret. */
  oidc: z.optional(
    z.object({
      issuer: z.url().check(z.refine((issuer) => issuer.startsWith('https://') || config().CONSOLE_ALLOW_HTTP_ISSUERS, 'must be an https URL')),
      clientId: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    }),
  ),
  /** Days a member stays deactivated or deleted before it is erased; null: never (absent: kept as it is). */
  eraseAfterDays: z.optional(
    z.nullable(
      z.number({ error: 'must be a number of days' }).check(
        z.int('must be a whole number of days'),
        z.gte(1, 'must be at least 1 day'),
        z.lte(MAX_ERASE_AFTER_DAYS, `must be at most ${MAX_ERASE_AFTER_DAYS} days (10 years)`),
      ),
    ),
  ),
  /** The version read, to refuse overwriting someone else's change. */
  version: z.number().check(z.int(), z.gte(1)),
}) satisfies z.ZodMiniType<CompanySettingsChange>;

let companySettings: ReturnType<typeof companySettingsSchema> | undefined;

/**
 * The company settings schema. Built on first use: its time zone check brings the time zone data
 * of countries-and-timezones and luxon (~100 KB), which only a settings change needs.
 */
export async function companySettingsInput(): Promise<ReturnType<typeof companySettingsSchema>> {
  companySettings ??= companySettingsSchema(await import('../../profile/time-zone.js'));
  return companySettings;
}
