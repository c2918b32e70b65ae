import type * as z from '../zod.js';
import { RosterError } from '../errors.js';

/** Admin input through a zod schema; a failure is 400 with every problem listed in `details`. */
export function validateInput<T extends z.ZodMiniType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
  throw new RosterError(400, `Invalid request: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}.`, {
    code: 'invalid_request',
    details: problems,
  });
}
