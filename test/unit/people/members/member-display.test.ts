import { describe, expect, it } from 'vitest';
import { memberDisplay } from '../../../../shared/people/members/member-display.js';

describe('memberDisplay (a group member’s members.display)', () => {
  it.each([
    [{ displayName: ' Ada L. ', name: { givenName: 'Ada', familyName: 'Lovelace', formatted: 'Countess Ada' } }, 'Ada L.'],
    [{ displayName: '', name: { givenName: 'Ada', familyName: 'Lovelace', formatted: 'Countess Ada' } }, 'Countess Ada'],
    [{ name: { givenName: 'Ada', familyName: 'Lovelace' } }, 'Ada Lovelace'],
    [{ name: { familyName: 'Lovelace' } }, 'Lovelace'],
    [{ displayName: 42, name: 'not an object' }, 'ada@example.com'],
    [{}, 'ada@example.com'],
  ])('%j → %s', (attributes, display) => {
    expect(memberDisplay({ userName: 'ada@example.com', attributes })).toBe(display);
  });
});
