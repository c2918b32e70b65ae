import { invalidFilter } from '../../errors.js';
import { caseFold } from '../../store/case-fold.js';
import { booleanValue } from '../boolean-value.js';
import type { AttributeDefinition } from '../schema/types.js';
import type { ComparisonOperator, CompareValue } from './ast.js';

/** Tests one attribute value against the comparison's operand. */
export type ValueTest = (actual: unknown) => boolean;

type Order = (a: number) => boolean;

const ORDERINGS: Partial<Record<ComparisonOperator, Order>> = {
  eq: (sign) => sign === 0,
  gt: (sign) => sign > 0,
  ge: (sign) => sign >= 0,
  lt: (sign) => sign < 0,
  le: (sign) => sign <= 0,
};

const compareNumbers = (a: number, b: number) => Math.sign(a - b);
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compiles `<attribute> <operator> <value>` for one leaf value. `ne` is the caller's business
 * (negation of `eq` over all values). Type mismatches that make a filter meaningless — `co` on a
 * boolean, a string compared with a number attribute — are invalidFilter rather than "no match",
 * so a client learns its filter is wrong instead of getting an empty list.
 */
export function compileValueTest(
  definition: AttributeDefinition,
  operator: Exclude<ComparisonOperator, 'ne'>,
  expected: Exclude<CompareValue, null>,
  label: string,
): ValueTest {
  function reject(why: string): never {
    throw invalidFilter(`Invalid filter: ${label} ${operator} ${JSON.stringify(expected)}: ${why}.`);
  }
  const orderOf = (): Order => ORDERINGS[operator] ?? reject(`"${operator}" applies to strings only`);

  switch (definition.type) {
    case 'boolean': {
      if (operator !== 'eq') reject(`"${operator}" cannot compare booleans; use eq or ne`);
      const wanted = booleanValue(expected) ?? reject(`${label} is a boolean`);
      return (actual) => actual === wanted;
    }
    case 'integer':
    case 'decimal': {
      if (typeof expected !== 'number') reject(`${label} is a number`);
      const order = orderOf();
      return (actual) => typeof actual === 'number' && order(compareNumbers(actual, expected));
    }
    case 'dateTime': {
      const wanted = typeof expected === 'string' ? Date.parse(expected) : Number.NaN;
      if (Number.isNaN(wanted)) reject(`${label} is a dateTime; compare it with an ISO 8601 string`);
      const order = orderOf();
      return (actual) => {
        const instant = typeof actual === 'string' ? Date.parse(actual) : Number.NaN;
        return !Number.isNaN(instant) && order(compareNumbers(instant, wanted));
      };
    }
    case 'complex':
      return reject(`${label} is complex; compare one of its sub-attributes`);
    default: {
      if (typeof expected !== 'string') reject(`${label} is a string; put the value in double quotes`);
      // The same fold as the uniqueness and lookup keys, so a key lookup's match survives this test.
      const fold = definition.caseExact ? (text: string) => text : caseFold;
      const wanted = fold(expected);
      const test = stringTest(operator, wanted);
      return (actual) => typeof actual === 'string' && test(fold(actual));
    }
  }
}

function stringTest(operator: Exclude<ComparisonOperator, 'ne'>, wanted: string): (actual: string) => boolean {
  switch (operator) {
    case 'co':
      return (actual) => actual.includes(wanted);
    case 'sw':
      return (actual) => actual.startsWith(wanted);
    case 'ew':
      return (actual) => actual.endsWith(wanted);
    default: {
      const order = ORDERINGS[operator] as Order;
      return (actual) => order(compareStrings(actual, wanted));
    }
  }
}
