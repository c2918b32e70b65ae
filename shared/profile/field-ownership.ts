import { isDeepStrictEqual } from 'node:util';

/**
 * Who owns each profile field (the article: "Provisioned fields cannot be edited manually. If you
 * leave a field empty, it can be manually set once in Gong. Thereafter, this field cannot be
 * changed."):
 * - a value from the identity provider makes the field provisioned: it cannot be edited by hand;
 * - a field the provider leaves empty can be set by hand once, and is then locked;
 * - a later provider value overwrites a hand-set one (and the field is provisioned again).
 */
export type FieldSource = 'provider' | 'manual';

export interface FieldOwnership {
  sources: Record<string, FieldSource>;
  /** Values set by hand, kept while the provider leaves the field empty. */
  manual: Record<string, unknown>;
}

export const NO_OWNERSHIP: FieldOwnership = { sources: {}, manual: {} };

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/**
 * A provider write: `provided` holds each tracked field's value from the provider (empty when
 * it sent none). Returns the new ownership and the value each field has after the write.
 */
export function applyProviderValues(
  previous: FieldOwnership,
  provided: Record<string, unknown>,
): { ownership: FieldOwnership; values: Record<string, unknown> } {
  const sources: Record<string, FieldSource> = {};
  const manual: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(provided)) {
    // Okta updates by reading the resource and sending it back whole: a hand-set value it echoes
    // is still the hand-set value, not the provider taking the field over.
    const echoed = previous.sources[field] === 'manual' && isDeepStrictEqual(value, previous.manual[field]);
    if (!isEmpty(value) && !echoed) {
      sources[field] = 'provider';
      values[field] = value;
    } else if (previous.sources[field] === 'manual') {
      sources[field] = 'manual';
      manual[field] = previous.manual[field];
      values[field] = previous.manual[field];
    }
  }
  return { ownership: { sources, manual }, values };
}

/**
 * Fields whose value can be worked out of another field's value (the phone extension written in
 * the number, "(212) 575-1994 ext 3437"): such a value belongs to whoever set the field it came
 * from. An extension read out of a provider's phone number is provider-owned (not editable by
 * hand, as the number is not); one read out of a hand-set number is hand-set, and locked.
 * `derived` maps each derived field to the field it comes from; `values` are the fields' values
 * after the profile rules ran. A field that has its own source keeps it.
 */
export function withDerivedSources(
  ownership: FieldOwnership,
  derived: Readonly<Record<string, string>>,
  values: Record<string, unknown>,
): FieldOwnership {
  let sources = ownership.sources;
  let manual = ownership.manual;
  for (const [field, from] of Object.entries(derived)) {
    const source = ownership.sources[from];
    if (ownership.sources[field] !== undefined || source === undefined || isEmpty(values[field])) continue;
    sources = { ...sources, [field]: source };
    if (source === 'manual') manual = { ...manual, [field]: values[field] };
  }
  return sources === ownership.sources ? ownership : { sources, manual };
}

export class FieldNotEditable extends Error {
  constructor(
    readonly field: string,
    readonly why: 'provisioned' | 'locked',
  ) {
    super(
      why === 'provisioned'
        ? `${field} is provisioned by the identity provider and cannot be edited by hand.`
        : `${field} was already set by hand once and is now locked; change it in the identity provider.`,
    );
    this.name = 'FieldNotEditable';
  }
}

/** A hand edit: allowed once, and only on a field the provider leaves empty. */
export function applyManualValue(ownership: FieldOwnership, field: string, value: unknown): FieldOwnership {
  const source = ownership.sources[field];
  if (source === 'provider') throw new FieldNotEditable(field, 'provisioned');
  if (source === 'manual') throw new FieldNotEditable(field, 'locked');
  return { sources: { ...ownership.sources, [field]: 'manual' }, manual: { ...ownership.manual, [field]: value } };
}
