import * as z from 'zod';
import type { OwnedField } from './owned-fields.js';

/**
 * A hand edit of a member's profile fields, as the admin API's JSON and the console's form both
 * send it: hand-set values have the same limits as provisioned ones.
 */
const text = (max: number) => z.string().trim().max(max);

export const profileEdit = z
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

