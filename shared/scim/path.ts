import { invalidPath } from '../errors.js';
import type { AttributePath } from './attribute-path.js';
import type { Filter } from './filter/ast.js';
import { MAX_FILTER_LENGTH } from './filter/parse.js';
import { FilterSyntaxParser } from './filter/syntax-parser.js';

/**
 * A PATCH `path` (RFC 7644 section 3.5.2). `emails[type eq "work"].value` is
 * { attributePath: emails.value, filter: type eq "work" }: the filter selects elements of `emails`
 * and `value` is addressed inside each selected element. A bare extension URN parses as
 * { schema: "urn:…:2.0", attribute: "User" }; resolveAttributePath recognises it as the whole extension.
 */
export interface PatchPath {
  readonly attributePath: AttributePath;
  readonly filter?: Filter;
}

export function parsePatchPath(text: string): PatchPath {
  if (text.length > MAX_FILTER_LENGTH) throw invalidPath(`Invalid path: it is longer than ${MAX_FILTER_LENGTH} characters.`);
  if (text.trim() === '') throw invalidPath('Invalid path: the path is empty.');
  return new FilterSyntaxParser(text, (detail) => invalidPath(`Invalid path "${text}": ${detail}.`)).parsePath();
}
