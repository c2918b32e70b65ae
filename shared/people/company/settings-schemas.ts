import * as z from 'zod';
import { config } from '../../config.js';
import { validateTimeZone } from '../../profile/time-zone.js';
import type { CompanySettingsChange } from './company-settings-admin.js';
import { CAPABILITIES, EMPTY_GRANT, NO_DATA_CAPTURE, type AssignmentInput, type DataCaptureSettings, type Grant, type SeatTypeInput, type WorkspaceInput } from './settings-model.js';

/**
 * What a tech admin may write — company settings, seat types, workspaces, assignments and grants —
 * as one set of schemas (defaults filled in) that the admin API's JSON bodies and the console's
 * forms both go through, so a rule is written once.
 */
const name = z.string().trim().min(1).max(200);
const id = z.string().trim().min(1).max(100);
/** A set of ids: a repeated id means nothing more (and one transaction cannot touch an item twice). */
const idSet = (max: number) => z.array(id).max(max).default([]).transform((ids) => [...new Set(ids)]);

export const dataCaptureSchema = z.object({
  webConferences: z.enum(['record', 'doNotRecord', 'neverRecord']).default('doNotRecord'),
  calendarMeetings: z.boolean().default(false),
  telephonyCalls: z.boolean().default(false),
  emails: z.boolean().default(false),
  mobileCalls: z.boolean().default(false),
}) satisfies z.ZodType<DataCaptureSettings>;

export const seatTypeInput = z.object({
  name,
  total: z.number().int().min(0).max(10_000_000),
  capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length).default([]),
}) satisfies z.ZodType<SeatTypeInput>;

export const workspaceInput = z.object({
  name,
  permissionProfiles: z
    .array(z.object({ id, name, requiresSeatTypeId: id.optional() }))
    .max(50)
    .default([]),
}) satisfies z.ZodType<WorkspaceInput>;

export const grantSchema = z.object({
  seatTypeIds: idSet(20),
  /** workspace id → permission profile id */
  permissions: z.record(id, id).default({}),
  dataCapture: dataCaptureSchema.default(NO_DATA_CAPTURE),
}) satisfies z.ZodType<Grant>;

export const assignmentInput = grantSchema.extend({
  name,
  groupIds: idSet(100),
  updateMode: z.enum(['manual', 'automatic']).default('automatic'),
  priority: z.number().int().min(0).max(1_000_000),
}) satisfies z.ZodType<AssignmentInput>;

/** The longest retention a company can set. */
export const MAX_ERASE_AFTER_DAYS = 3_650;

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as example.com');

export const companySettingsInput = z.object({
  name: z.string().trim().min(1).max(200),
  domains: z.array(domain).min(1, 'at least the primary domain is required').max(50),
  allowSubdomains: z.boolean().default(false),
  defaultTimeZone: z.string().refine((zone) => validateTimeZone(zone)?.valid === true, 'must be a TZ database name such as America/New_York'),
  provisioningSource: z.enum(['okta', 'custom']),
  notifyManagersOnImport: z.boolean(),
  managersCanToggleDataCapture: z.boolean(),
  defaultAssignment: grantSchema.default(EMPTY_GRANT),
  /** Team members who may use the console's admin pages, by work email. */
  adminEmails: z.array(z.string().trim().toLowerCase().pipe(z.email('must be an email address'))).max(100).transform((emails) => [...new Set(emails)]).optional(),
  /** Console sign-in with the company's OpenID provider: a public client (PKCE), so no secret. */
  oidc: z
    .object({
      issuer: z.url().refine((issuer) => issuer.startsWith('https://') || config().CONSOLE_ALLOW_HTTP_ISSUERS, 'must be an https URL'),
      clientId: z.string().trim().min(1).max(200),
    })
    .optional(),
  /** Days a member stays deactivated or deleted before it is erased; null: never (absent: kept as it is). */
  eraseAfterDays: z
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(MAX_ERASE_AFTER_DAYS, `must be at most ${MAX_ERASE_AFTER_DAYS} days (10 years)`)
    .nullable()
    .optional(),
  /** The version read, to refuse overwriting someone else's change. */
  version: z.number().int().min(1),
}) satisfies z.ZodType<CompanySettingsChange>;
