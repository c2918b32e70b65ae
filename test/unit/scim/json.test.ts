import { describe, expect, it } from 'vitest';
import { deepEqual, findKey, getMember, isPresent, removeMember, setMember, valuesOf } from '../../../shared/scim/json.js';

describe('case-insensitive member access', () => {
  it('finds, reads, sets and removes members whatever their letter case', () => {
    const object: Record<string, unknown> = { UserName: 'a', userNAME: 'b', title: 'c' };
    expect(findKey(object, 'title')).toBe('title');
    expect(findKey(object, 'TITLE')).toBe('title');
    expect(getMember(object, 'shoeSize')).toBeUndefined();
    setMember(object, 'userName', 'z');
    expect(object).toEqual({ title: 'c', userName: 'z' });
    removeMember(object, 'TITLE');
    expect(object).toEqual({ userName: 'z' });
  });
});

describe('valuesOf', () => {
  it.each<[unknown, unknown[]]>([
    [undefined, []],
    [null, []],
    ['a', ['a']],
    [[1, 2], [1, 2]],
    [{ value: 'x' }, [{ value: 'x' }]],
  ])('%j → %j', (value, expected) => {
    expect(valuesOf(value)).toEqual(expected);
  });
});

describe('deepEqual', () => {
  it.each<[unknown, unknown, boolean]>([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [[1, 2], [2, 1], false],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    ['1', 1, false],
    [null, undefined, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
  });
});

describe('isPresent (RFC 7644 "pr")', () => {
  it.each<[unknown, boolean]>([
    [undefined, false],
    [null, false],
    ['', false],
    [[], false],
    [{}, false],
    [{ value: '' }, false],
    [[null, ''], false],
    [false, true],
    [0, true],
    ['x', true],
    [{ value: 'x' }, true],
    [[{}, { value: 'x' }], true],
  ])('%j → %s', (value, expected) => {
    expect(isPresent(value)).toBe(expected);
  });
});
