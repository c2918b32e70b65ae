import type * as z from '../../zod.js';

/** Form fields through one of the domain's input schemas: the value, or every problem in words. */
export function parseForm<T extends z.ZodMiniType>(schema: T, raw: unknown): { ok: true; value: z.output<T> } | { ok: false; problems: string[] } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${LABELS[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}`) };
}

/** How the forms name the fields the schemas check. */
const LABELS: Record<string, string> = {
  name: 'Name',
  domains: 'Company domains',
  defaultTimeZone: 'Default time zone',
  provisioningSource: 'Provisioning source',
  adminEmails: 'Admin emails',
  eraseAfterDays: 'Erase inactive team members after',
  defaultAssignment: 'Default assignment',
  seatTypeIds: 'Seat types',
  permissions: 'Permission profiles',
  dataCapture: 'Data capture',
  groupIds: 'Okta groups',
  updateMode: 'Update mode',
  priority: 'Priority',
};

/** The names a form sent with a prefix, e.g. `seat.<id>=on` → the ids. */
export const checkedUnder = (params: Record<string, string>, prefix: string): string[] =>
  Object.entries(params)
    .filter(([name, value]) => name.startsWith(prefix) && value === 'on')
    .map(([name]) => name.slice(prefix.length));

export const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/[\s,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);
