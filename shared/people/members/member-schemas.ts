import * as z from '../../zod.js';
import type { OwnedField } from './owned-fields.js';

/**
 * A hand edit of a member's profile fields, as the admin API's JSON and the console's form both
 * send it: hand-set values have the same limits as provisioned ones.
 */
const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));

export const profileEdit = z.strictObject({
  title: z.optional(text(1024)),
  phoneNumbers: z.optional(
    z.array(z.object({ value: text(64).check(z.minLength(1)), type: z.optional(text(64)), primary: z.optional(z.boolean()) })).check(z.maxLength(50)),
  ),
  timezone: z.optional(text(128)),
  primaryPhoneExtension: z.optional(text(32)),
  managerEmail: z.optional(text(320)),
  managerFullName: z.optional(text(512)),
  country: z.optional(text(128)),
  stateOrProvince: z.optional(text(128)),
} satisfies Record<OwnedField, z.ZodMiniType>);
