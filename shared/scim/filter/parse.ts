import { invalidFilter } from '../../errors.js';
import type { Filter } from './ast.js';
import { FilterSyntaxParser } from './syntax-parser.js';

// Our own parser: scim2-parse-filter turns `emails[type eq "work"].value eq "x"` into two independent conditions that may match different emails.

export const MAX_FILTER_LENGTH = 4096;

/** Parses a `filter` query parameter; any problem is an invalidFilter error naming what and where. */
export function parseFilter(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) {
    throw invalidFilter(`Invalid filter: it is ${text.length} characters long; the limit is ${MAX_FILTER_LENGTH}.`);
  }
  if (text.trim() === '') throw invalidFilter('Invalid filter: the filter is empty.');
  return new FilterSyntaxParser(text, (detail) => invalidFilter(`Invalid filter: ${detail}.`)).parseFilter();
}
