import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../../shared/scim/filter/ast.js';
import { MAX_FILTER_LENGTH, parseFilter } from '../../../../shared/scim/filter/parse.js';
import { MAX_NESTING_DEPTH } from '../../../../shared/scim/filter/syntax-parser.js';
import { errorOf } from '../support.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const compare = (attribute: string, operator: string, value: unknown, extra: object = {}) => ({
  kind: 'comparison',
  path: { attribute, ...extra },
  operator,
  value,
});
const present = (attribute: string) => ({ kind: 'present', path: { attribute } });
const and = (left: object, right: object) => ({ kind: 'and', left, right });
const or = (left: object, right: object) => ({ kind: 'or', left, right });
const not = (filter: object) => ({ kind: 'not', filter });

describe('parseFilter', () => {
  describe('comparison operators', () => {
    it.each(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'])('parses %s', (operator) => {
      expect(parseFilter(`title ${operator} "x"`)).toEqual(compare('title', operator, 'x'));
    });

    it.each(['EQ', 'Eq', 'eQ'])('reads the operator keyword %s case-insensitively', (operator) => {
      expect(parseFilter(`userName ${operator} "bjensen"`)).toEqual(compare('userName', 'eq', 'bjensen'));
    });

    it.each(['pr', 'PR', 'Pr'])('parses presence written %s', (operator) => {
      expect(parseFilter(`title ${operator}`)).toEqual(present('title'));
    });
  });

  describe('comparison values', () => {
    it.each<[string, unknown]>([
      ['true', true],
      ['False', false],
      ['NULL', null],
      ['42', 42],
      ['0', 0],
      ['-1.5', -1.5],
      ['2.5e3', 2500],
      ['1E-2', 0.01],
      ['""', ''],
      ['"plain"', 'plain'],
      ['"say \\"hi\\""', 'say "hi"'],
      ['"back\\\\slash"', 'back\\slash'],
      ['"a\\/b"', 'a/b'],
      ['"tab\\there"', 'tab\there'],
      ['"line\\nbreak\\r"', 'line\nbreak\r'],
      ['"\\b\\f"', '\b\f'],
      ['"caf\\u00e9"', 'café'],
      ['"with ] and ) inside"', 'with ] and ) inside'],
      ['"and or not"', 'and or not'],
    ])('reads %s', (text, value) => {
      expect(parseFilter(`title eq ${text}`)).toEqual(compare('title', 'eq', value));
    });
  });

  describe('logical operators', () => {
    it.each<[string, object]>([
      ['title pr and userName eq "a"', and(present('title'), compare('userName', 'eq', 'a'))],
      ['title pr AND userName eq "a"', and(present('title'), compare('userName', 'eq', 'a'))],
      ['title pr or userName eq "a"', or(present('title'), compare('userName', 'eq', 'a'))],
      ['title pr Or userName eq "a"', or(present('title'), compare('userName', 'eq', 'a'))],
      ['a pr and b pr and c pr', and(and(present('a'), present('b')), present('c'))],
      ['a pr or b pr or c pr', or(or(present('a'), present('b')), present('c'))],
      // and binds tighter than or, on either side
      ['a pr or b pr and c pr', or(present('a'), and(present('b'), present('c')))],
      ['a pr and b pr or c pr', or(and(present('a'), present('b')), present('c'))],
      // not binds tighter than and
      ['not (a pr) and b pr', and(not(present('a')), present('b'))],
      ['not a pr and b pr', and(not(present('a')), present('b'))],
      ['NOT(a pr)', not(present('a'))],
      ['not not (a pr)', not(not(present('a')))],
      ['not (a pr or b pr)', not(or(present('a'), present('b')))],
    ])('%s', (text, ast) => {
      expect(parseFilter(text)).toEqual(ast);
    });
  });

  describe('grouping', () => {
    it.each<[string, object]>([
      ['(a pr)', present('a')],
      ['((a pr))', present('a')],
      ['(a pr or b pr) and c pr', and(or(present('a'), present('b')), present('c'))],
      ['a pr and (b pr or c pr)', and(present('a'), or(present('b'), present('c')))],
      ['( a pr )', present('a')],
      ['userName eq "x"and(title pr)', and(compare('userName', 'eq', 'x'), present('title'))],
    ])('%s', (text, ast) => {
      expect(parseFilter(text)).toEqual(ast);
    });
  });

  describe('attribute paths', () => {
    it.each<[string, object]>([
      ['name.givenName sw "J"', compare('name', 'sw', 'J', { subAttribute: 'givenName' })],
      ['meta.lastModified gt "2011-05-13T04:42:34Z"', compare('meta', 'gt', '2011-05-13T04:42:34Z', { subAttribute: 'lastModified' })],
      ['members.$ref pr', { kind: 'present', path: { attribute: 'members', subAttribute: '$ref' } }],
      [`${ENTERPRISE}:employeeNumber eq "1"`, compare('employeeNumber', 'eq', '1', { schema: ENTERPRISE })],
      [`${ENTERPRISE}:manager.value eq "u-0"`, compare('manager', 'eq', 'u-0', { schema: ENTERPRISE, subAttribute: 'value' })],
      [
        'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"',
        compare('userName', 'eq', 'a', { schema: 'urn:ietf:params:scim:schemas:core:2.0:User' }),
      ],
      ['user_name-2 eq "a"', compare('user_name-2', 'eq', 'a')],
      ['orders eq "a" or android pr', or(compare('orders', 'eq', 'a'), present('android'))],
      ['notes pr', present('notes')],
    ])('%s', (text, ast) => {
      expect(parseFilter(text)).toEqual(ast);
    });
  });

  describe('value paths', () => {
    const emails = (filter: object) => ({ kind: 'valuePath', path: { attribute: 'emails' }, filter });

    it.each<[string, object]>([
      ['emails[type eq "work"]', emails(compare('type', 'eq', 'work'))],
      ['emails[ type eq "work" ]', emails(compare('type', 'eq', 'work'))],
      ['emails[type eq "work" and value co "@example.com"]', emails(and(compare('type', 'eq', 'work'), compare('value', 'co', '@example.com')))],
      ['emails[not (primary eq true)]', emails(not(compare('primary', 'eq', true)))],
      // the client extension: the sub-attribute condition holds for the same element as the filter
      ['emails[type eq "work"].value eq "x@example.com"', emails(and(compare('type', 'eq', 'work'), compare('value', 'eq', 'x@example.com')))],
      ['emails[type eq "work"].value pr', emails(and(compare('type', 'eq', 'work'), present('value')))],
      [
        'emails[type eq "work"] and userName eq "a"',
        and(emails(compare('type', 'eq', 'work')), compare('userName', 'eq', 'a')),
      ],
      [
        `${ENTERPRISE}:manager[value eq "u-0"]`,
        { kind: 'valuePath', path: { schema: ENTERPRISE, attribute: 'manager' }, filter: compare('value', 'eq', 'u-0') },
      ],
    ])('%s', (text, ast) => {
      expect(parseFilter(text)).toEqual(ast);
    });
  });

  it('tolerates extra whitespace, including tabs', () => {
    expect(parseFilter('  userName \t eq   "x"  ')).toEqual(compare('userName', 'eq', 'x'));
  });

  it('produces a typed AST that can be walked exhaustively', () => {
    const count = (filter: Filter): number => {
      switch (filter.kind) {
        case 'and':
        case 'or':
          return count(filter.left) + count(filter.right);
        case 'not':
        case 'valuePath':
          return count(filter.filter);
        default:
          return 1;
      }
    };
    expect(count(parseFilter('a pr and (b pr or not (c pr)) and emails[type eq "w" and value pr]'))).toBe(5);
  });

  describe('syntax errors name the problem and its position', () => {
    it.each<[string, string]>([
      ['userName', 'expected an operator after "userName" but the input ended at position 8'],
      ['userName xx "a"', 'unknown operator "xx" after "userName"; expected eq, ne, co, sw, ew, gt, ge, lt, le or pr at position 9'],
      ['userName eq', 'expected a value after "eq" but the input ended at position 11'],
      ['userName eq john', '"john" is not a value; strings must be in double quotes at position 12'],
      ['userName eq "abc', 'unterminated string at position 12'],
      ['userName eq "a\\qb"', 'invalid escape "\\q" in string at position 14'],
      ['userName eq "\\u12"', 'invalid \\u escape in string at position 13'],
      ['userName eq "a\tb"', 'control characters in strings must be escaped at position 14'],
      ['userName eq 12abc', 'invalid number at position 12'],
      ['userName eq -', 'invalid number at position 12'],
      ['(userName eq "a"', 'unclosed "(" at position 0'],
      ['userName eq "a")', 'unexpected ")"; expected "and", "or" or the end of the filter at position 15'],
      ['userName eq "a" xor title pr', 'unexpected "xor"; expected "and", "or" or the end of the filter at position 16'],
      ['userName eq "a" and', 'expected an attribute name but the input ended at position 19'],
      ['and title pr', 'unknown operator "title" after "and"; expected eq, ne, co, sw, ew, gt, ge, lt, le or pr at position 4'],
      ['() ', 'expected an attribute name but found ")" at position 1'],
      ['emails[type eq "work"', 'unclosed "[" at position 6'],
      ['emails[]', 'expected an attribute name but found "]" at position 7'],
      ['emails[type[value eq "x"] eq "y"]', 'value filters cannot be nested at position 11'],
      ['name.givenName[x eq "y"]', 'a value filter must follow an attribute, not the sub-attribute "name.givenName" at position 0'],
      ['emails[type eq "work"]. eq "x"', 'expected a sub-attribute name after "]." at position 23'],
      ['a.b.c eq "x"', '"a.b.c" is not a valid attribute path at position 0'],
      ['1abc eq "x"', '"1abc" is not a valid attribute path at position 0'],
      ['"x" eq userName', 'expected an attribute name but found a string at position 0'],
      ['userName eq "x" and "y"', 'expected an attribute name but found a string at position 20'],
    ])('%s', (text, detail) => {
      const error = errorOf(() => parseFilter(text));
      expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
      expect(error.detail).toBe(`Invalid filter: ${detail}.`);
    });

    it('rejects an empty filter', () => {
      expect(errorOf(() => parseFilter('   '))).toMatchObject({ scimType: 'invalidFilter', detail: 'Invalid filter: the filter is empty.' });
    });
  });

  describe('limits', () => {
    it(`accepts a filter of ${MAX_FILTER_LENGTH} characters and rejects a longer one`, () => {
      const longest = `title eq "${'x'.repeat(MAX_FILTER_LENGTH - 11)}"`;
      expect(longest).toHaveLength(MAX_FILTER_LENGTH);
      expect(parseFilter(longest)).toMatchObject({ kind: 'comparison' });
      const error = errorOf(() => parseFilter(`${longest} `));
      expect(error.scimType).toBe('invalidFilter');
      expect(error.detail).toContain(`the limit is ${MAX_FILTER_LENGTH}`);
    });

    it(`accepts ${MAX_NESTING_DEPTH} levels of parentheses and rejects more`, () => {
      const nested = (depth: number) => `${'('.repeat(depth)}title pr${')'.repeat(depth)}`;
      expect(parseFilter(nested(MAX_NESTING_DEPTH))).toEqual(present('title'));
      const error = errorOf(() => parseFilter(nested(MAX_NESTING_DEPTH + 1)));
      expect(error.scimType).toBe('invalidFilter');
      expect(error.detail).toBe(`Invalid filter: the filter nests deeper than ${MAX_NESTING_DEPTH} levels at position ${MAX_NESTING_DEPTH + 1}.`);
    });

    it('counts not and value filters as nesting too', () => {
      expect(errorOf(() => parseFilter(`${'not '.repeat(MAX_NESTING_DEPTH + 1)}(title pr)`)).detail).toContain('nests deeper');
      expect(errorOf(() => parseFilter(`emails[${'('.repeat(MAX_NESTING_DEPTH)}type pr${')'.repeat(MAX_NESTING_DEPTH)}]`)).detail).toContain(
        'nests deeper',
      );
    });

    it('parses long and-chains without recursion trouble', () => {
      const text = Array.from({ length: 300 }, (_, index) => `a${index} pr`).join(' and ');
      expect(parseFilter(text)).toMatchObject({ kind: 'and', right: present('a299') });
    });
  });
});
