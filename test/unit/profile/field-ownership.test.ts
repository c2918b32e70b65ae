import { describe, expect, it } from 'vitest';
import {
  applyManualValue,
  applyProviderValues,
  FieldNotEditable,
  NO_OWNERSHIP,
  withDerivedSources,
  type FieldOwnership,
} from '../../../shared/profile/field-ownership.js';

const provided = (previous: FieldOwnership, values: Record<string, unknown>) => applyProviderValues(previous, values);
const manualEditError = (ownership: FieldOwnership, field: string): FieldNotEditable => {
  try {
    applyManualValue(ownership, field, 'by hand');
  } catch (error) {
    if (error instanceof FieldNotEditable) return error;
    throw error;
  }
  throw new Error(`expected ${field} to be locked`);
};

describe('field ownership (the article: provisioned fields cannot be edited by hand; an empty one can be set once)', () => {
  it('makes a provided field provisioned, and it cannot be edited by hand', () => {
    const { ownership, values } = provided(NO_OWNERSHIP, { title: 'Engineer' });
    expect(ownership).toEqual({ sources: { title: 'provider' }, manual: {} });
    expect(values).toEqual({ title: 'Engineer' });
    const error = manualEditError(ownership, 'title');
    expect(error).toMatchObject({ name: 'FieldNotEditable', field: 'title', why: 'provisioned' });
    expect(error.message).toBe('title is provisioned by the identity provider and cannot be edited by hand.');
  });

  it.each([[undefined], [null], [''], ['   '], [[]]])('treats %j from the provider as empty', (empty) => {
    const { ownership, values } = provided(NO_OWNERSHIP, { title: empty });
    expect(ownership).toEqual(NO_OWNERSHIP);
    expect(values).toEqual({});
  });

  it.each([[0], [false], [{}], [['x']], ['0']])('treats %j from the provider as a value', (value) => {
    expect(provided(NO_OWNERSHIP, { title: value }).values).toEqual({ title: value });
  });

  it('lets an empty field be set by hand once, then locks it', () => {
    const { ownership } = provided(NO_OWNERSHIP, { title: '' });
    const edited = applyManualValue(ownership, 'title', 'Engineer');
    expect(edited).toEqual({ sources: { title: 'manual' }, manual: { title: 'Engineer' } });
    expect(manualEditError(edited, 'title')).toMatchObject({ field: 'title', why: 'locked' });
    expect(manualEditError(edited, 'title').message).toMatch(/already set by hand once and is now locked/);
  });

  it('does not change the ownership it is given', () => {
    const ownership: FieldOwnership = { sources: { country: 'provider' }, manual: {} };
    applyManualValue(ownership, 'title', 'x');
    provided(ownership, { country: '' });
    expect(ownership).toEqual({ sources: { country: 'provider' }, manual: {} });
    expect(NO_OWNERSHIP).toEqual({ sources: {}, manual: {} });
  });

  it('keeps a hand-set value while the provider sends nothing', () => {
    const edited = applyManualValue(NO_OWNERSHIP, 'managerEmail', 'boss@example.com');
    expect(provided(edited, { managerEmail: undefined, title: 'CTO' })).toEqual({
      ownership: { sources: { managerEmail: 'manual', title: 'provider' }, manual: { managerEmail: 'boss@example.com' } },
      values: { managerEmail: 'boss@example.com', title: 'CTO' },
    });
  });

  it('lets a later provider value overwrite a hand-set one, provisioning the field again', () => {
    const edited = applyManualValue(NO_OWNERSHIP, 'country', 'FR');
    const { ownership, values } = provided(edited, { country: 'DE' });
    expect(ownership).toEqual({ sources: { country: 'provider' }, manual: {} });
    expect(values).toEqual({ country: 'DE' });
    expect(manualEditError(ownership, 'country').why).toBe('provisioned');
  });

  it('frees a field the provider stops sending', () => {
    const { ownership } = provided({ sources: { title: 'provider' }, manual: {} }, { title: '' });
    expect(ownership).toEqual(NO_OWNERSHIP);
    expect(applyManualValue(ownership, 'title', 'x').sources.title).toBe('manual');
  });

  it('tracks each field on its own', () => {
    let ownership = provided(NO_OWNERSHIP, { title: 'Ingénieure 👩‍🔬', timezone: '' }).ownership;
    ownership = applyManualValue(ownership, 'timezone', 'Europe/Paris');
    expect(ownership.sources).toEqual({ title: 'provider', timezone: 'manual' });
    expect(() => applyManualValue(ownership, 'country', 'FR')).not.toThrow();
  });

  it('is not a way to pollute Object.prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "title": "x"}') as Record<string, unknown>;
    const { ownership } = provided(NO_OWNERSHIP, hostile);
    applyManualValue(ownership, '__proto__', { polluted: true });
    expect('polluted' in {}).toBe(false);
    expect(ownership.sources.title).toBe('provider');
  });

  it('keeps a hand-set value manual when the provider only echoes it back (Okta reads, then PUTs the whole user)', () => {
    const set = applyManualValue(NO_OWNERSHIP, 'country', 'IL');
    const echoed = provided(set, { country: 'IL' });
    expect(echoed.ownership.sources.country).toBe('manual');
    expect(echoed.values.country).toBe('IL');
    const replaced = provided(set, { country: 'FR' });
    expect(replaced.ownership.sources.country).toBe('provider');
    expect(replaced.values.country).toBe('FR');
  });
});

describe('a value derived from another field (the extension written in the phone number)', () => {
  const derived = { primaryPhoneExtension: 'phoneNumbers' };
  const phone = [{ value: '(212) 575-1994 ext 3437', type: 'work' }];

  it('is provider-owned when it comes out of a provider value, and cannot be edited by hand', () => {
    const { ownership } = provided(NO_OWNERSHIP, { phoneNumbers: phone, primaryPhoneExtension: undefined });
    const owned = withDerivedSources(ownership, derived, { phoneNumbers: phone, primaryPhoneExtension: '3437' });
    expect(owned.sources).toEqual({ phoneNumbers: 'provider', primaryPhoneExtension: 'provider' });
    expect(manualEditError(owned, 'primaryPhoneExtension')).toMatchObject({ why: 'provisioned' });
  });

  it('is hand-set (and locked) when it comes out of a hand-set value', () => {
    const set = applyManualValue(NO_OWNERSHIP, 'phoneNumbers', phone);
    const owned = withDerivedSources(set, derived, { phoneNumbers: phone, primaryPhoneExtension: '3437' });
    expect(owned).toEqual({ sources: { phoneNumbers: 'manual', primaryPhoneExtension: 'manual' }, manual: { phoneNumbers: phone, primaryPhoneExtension: '3437' } });
    expect(manualEditError(owned, 'primaryPhoneExtension')).toMatchObject({ why: 'locked' });
  });

  it('keeps a source of its own, and stays empty (so settable by hand) when nothing was derived', () => {
    const explicit = provided(NO_OWNERSHIP, { phoneNumbers: phone, primaryPhoneExtension: '99' }).ownership;
    expect(withDerivedSources(explicit, derived, { phoneNumbers: phone, primaryPhoneExtension: '99' })).toBe(explicit);
    const plain = provided(NO_OWNERSHIP, { phoneNumbers: [{ value: '(212) 575-1994' }] }).ownership;
    expect(withDerivedSources(plain, derived, { phoneNumbers: [{ value: '(212) 575-1994' }] }).sources).toEqual({ phoneNumbers: 'provider' });
  });
});
