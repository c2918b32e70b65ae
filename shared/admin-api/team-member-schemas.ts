import * as z from '../zod.js';
import { FLAG_FIELDS, type DataCaptureChange, type TeamMemberEdit, type TeamMemberFilters } from '../people/members/team-member-admin.js';
import { profileEdit } from '../people/members/member-schemas.js';
import { dataCaptureSchema } from '../people/company/settings-schemas.js';

/** The admin API's team-member bodies and query; hand-set fields have the same limits as provisioned ones. */
const yesNo = z.pipe(z.enum(['true', 'false']), z.transform((value) => value === 'true'));
const pageSize = (fallback: number) => z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), fallback);

export const teamMemberQuery = z.object({
  manager: z.optional(z.string()),
  active: z.optional(yesNo),
  assignment: z.optional(z.string()),
  seatShortage: z.optional(yesNo),
  flag: z.optional(z.enum(FLAG_FIELDS)),
  cursor: z.optional(z.string()),
  count: pageSize(100),
}) satisfies z.ZodMiniType<TeamMemberFilters>;

export const historyQuery = z.object({
  cursor: z.optional(z.string()),
  count: pageSize(50),
});

export const teamMemberEdit = z.object({
  profile: z.optional(profileEdit),
  settings: z.optional(
    z.object({
      permissions: z.optional(z.record(z.string(), z.string())),
      dataCapture: z.optional(z.partial(dataCaptureSchema)),
    }),
  ),
}) satisfies z.ZodMiniType<TeamMemberEdit>;

export const dataCaptureChange = z.object({
  actingUserId: z.optional(z.string()),
  dataCapture: z.partial(dataCaptureSchema),
}) satisfies z.ZodMiniType<DataCaptureChange>;
