/** A boolean, or the "True"/"False" strings (any case) that Entra ID and other clients send for booleans. */
export function booleanValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(?:true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}
