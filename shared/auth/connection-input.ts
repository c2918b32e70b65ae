import { badRequest } from '../errors.js';
import * as z from '../zod.js';

/** What an admin sends to create a provisioning connection (shared/auth/connections.ts). */
const newConnectionBody = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  source: z.optional(z.enum(['okta', 'custom'])),
});
/** A connection to create; the caller fills in the source when the request names none. */
export type NewConnection = Required<z.output<typeof newConnectionBody>>;

export function parseNewConnection(body: unknown): z.output<typeof newConnectionBody> {
  const parsed = newConnectionBody.safeParse(body ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw badRequest('The connection is not valid: it needs a name (1-100 characters) and a source of okta or custom.', undefined, details);
  }
  return parsed.data;
}
