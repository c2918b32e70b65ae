import * as z from 'zod';
import type { DataCaptureChange, TeamMemberEdit, TeamMemberFilters } from '../people/members/team-member-admin.js';
import type { OwnedField } from '../people/members/owned-fields.js';
import { dataCaptureSchema } from '../people/company/settings-schemas.js';

/** The admin API's team-member bodies and query; hand-set fields have the same limits as provisioned ones. */
const text = (max: number) => z.string().trim().max(max);
const yesNo = z.enum(['true', 'false']).transform((value) => value === 'true');

export const teamMemberQuery = z.object({
  manager: z.string().optional(),
  active: yesNo.optional(),
  assignment: z.string().optional(),
  seatShortage: yesNo.optional(),
  cursor: z.string().optional(),
  count: z.coerce.number().int().min(1).max(200).default(100),
}) satisfies z.ZodType<TeamMemberFilters>;

export const historyQuery = z.object({
  cursor: z.string().optional(),
  count: z.coerce.number().int().min(1).max(200).default(50),
});

const profileEdit = z
  .object({
    title: text(1024).optional(),
    phoneNumbers: z
      .array(z.object({ value: text(64).min(1), type: text(64).optional(), primary: z.boolean().optional() }))
      .max(50)
      .optional(),
    timezone: text(128).optional(),
    primaryPhoneExtension: text(32).optional(),
    managerEmail: text(320).optional(),
    managerFullName: text(512).optional(),
    country: text(128).optional(),
    stateOrProvince: text(128).optional(),
  } satisfies Record<OwnedField, z.ZodType>)
  .strict();

export const teamMemberEdit = z.object({
  profile: profileEdit.optional(),
  settings: z
    .object({
      permissions: z.record(z.string(), z.string()).optional(),
      dataCapture: dataCaptureSchema.partial().optional(),
    })
    .optional(),
}) satisfies z.ZodType<TeamMemberEdit>;

export const dataCaptureChange = z.object({
  actingUserId: z.string().optional(),
  dataCapture: dataCaptureSchema.partial(),
}) satisfies z.ZodType<DataCaptureChange>;
