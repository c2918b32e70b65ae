import * as z from 'zod';
import { FLAG_FIELDS, type DataCaptureChange, type TeamMemberEdit, type TeamMemberFilters } from '../people/members/team-member-admin.js';
import { profileEdit } from '../people/members/member-schemas.js';
import { dataCaptureSchema } from '../people/company/settings-schemas.js';

/** The admin API's team-member bodies and query; hand-set fields have the same limits as provisioned ones. */
const yesNo = z.enum(['true', 'false']).transform((value) => value === 'true');

export const teamMemberQuery = z.object({
  manager: z.string().optional(),
  active: yesNo.optional(),
  assignment: z.string().optional(),
  seatShortage: yesNo.optional(),
  flag: z.enum(FLAG_FIELDS).optional(),
  cursor: z.string().optional(),
  count: z.coerce.number().int().min(1).max(200).default(100),
}) satisfies z.ZodType<TeamMemberFilters>;

export const historyQuery = z.object({
  cursor: z.string().optional(),
  count: z.coerce.number().int().min(1).max(200).default(50),
});

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
