import type { RosterError } from '../../errors.js';
import { formatAttributePath, isAttributeName, parseAttributePath, type AttributePath } from '../attribute-path.js';
import { COMPARISON_OPERATORS, type ComparisonOperator, type CompareValue, type Filter } from './ast.js';

export const MAX_NESTING_DEPTH = 32;

const NAME_CHARACTER = /[A-Za-z0-9_$:.-]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

const isComparisonOperator = (word: string): word is ComparisonOperator =>
  (COMPARISON_OPERATORS as readonly string[]).includes(word);

/**
 * Recursive-descent parser for the RFC 7644 section 3.4.2.2 filter grammar, shared by filters and
 * PATCH paths (which embed a valFilter). Precedence: not > and > or. Positions in errors are
 * 0-based character offsets. The error factory decides the scimType (invalidFilter vs invalidPath).
 */
export class FilterSyntaxParser {
  private position = 0;
  private depth = 0;
  private insideValueFilter = false;

  constructor(
    private readonly text: string,
    private readonly syntaxError: (detail: string) => RosterError,
  ) {}

  parseFilter(): Filter {
    const filter = this.parseOr();
    this.expectEnd();
    return filter;
  }

  /** PATCH path: attrPath [ "[" valFilter "]" [ "." subAttr ] ]; the sub-attribute lands in attributePath. */
  parsePath(): { attributePath: AttributePath; filter?: Filter } {
    const start = this.skipWhitespace();
    const attributePath = this.readAttributePath();
    if (this.peek() !== '[') {
      this.expectEnd();
      return { attributePath };
    }
    const filter = this.readValueFilter(attributePath, start);
    const subAttribute = this.peek() === '.' ? this.readSubAttribute() : undefined;
    this.expectEnd();
    return { attributePath: subAttribute === undefined ? attributePath : { ...attributePath, subAttribute }, filter };
  }

  private parseOr(): Filter {
    let left = this.parseAnd();
    while (this.acceptKeyword('or')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): Filter {
    let left = this.parseUnary();
    while (this.acceptKeyword('and')) left = { kind: 'and', left, right: this.parseUnary() };
    return left;
  }

  private parseUnary(): Filter {
    this.skipWhitespace();
    if (this.acceptKeyword('not')) return this.nested(() => ({ kind: 'not', filter: this.parseUnary() }));
    if (this.peek() !== '(') return this.parseAttributeExpression();
    const open = this.position++;
    const filter = this.nested(() => this.parseOr());
    this.skipWhitespace();
    if (this.peek() !== ')') this.fail(`unclosed "("`, open);
    this.position++;
    return filter;
  }

  private parseAttributeExpression(): Filter {
    const start = this.position;
    const path = this.readAttributePath();
    if (this.peek() !== '[') return this.parseCondition(path);
    const filter = this.readValueFilter(path, start);
    if (this.peek() !== '.') return { kind: 'valuePath', path, filter };
    const condition = this.parseCondition({ attribute: this.readSubAttribute() });
    return { kind: 'valuePath', path, filter: { kind: 'and', left: filter, right: condition } };
  }

  private parseCondition(path: AttributePath): Filter {
    const start = this.skipWhitespace();
    const word = this.readWord();
    const label = formatAttributePath(path);
    if (word === '') this.fail(`expected an operator after "${label}"${this.foundHere()}`);
    const operator = word.toLowerCase();
    if (operator === 'pr') return { kind: 'present', path };
    if (!isComparisonOperator(operator)) {
      this.fail(`unknown operator "${word}" after "${label}"; expected eq, ne, co, sw, ew, gt, ge, lt, le or pr`, start);
    }
    return { kind: 'comparison', path, operator, value: this.readCompareValue(word) };
  }

  private readAttributePath(): AttributePath {
    const start = this.skipWhitespace();
    const word = this.readWord();
    if (word === '') this.fail(`expected an attribute name${this.foundHere()}`);
    const path = parseAttributePath(word);
    if (!path) this.fail(`"${word}" is not a valid attribute path`, start);
    return path;
  }

  private readValueFilter(path: AttributePath, start: number): Filter {
    if (this.insideValueFilter) this.fail('value filters cannot be nested');
    if (path.subAttribute !== undefined) {
      this.fail(`a value filter must follow an attribute, not the sub-attribute "${formatAttributePath(path)}"`, start);
    }
    const open = this.position++;
    this.insideValueFilter = true;
    const filter = this.nested(() => this.parseOr());
    this.insideValueFilter = false;
    this.skipWhitespace();
    if (this.peek() !== ']') this.fail(`unclosed "["`, open);
    this.position++;
    return filter;
  }

  private readSubAttribute(): string {
    const start = ++this.position;
    const word = this.readWord();
    if (!isAttributeName(word)) this.fail(`expected a sub-attribute name after "]."${word ? ` but found "${word}"` : ''}`, start);
    return word;
  }

  private readCompareValue(operator: string): CompareValue {
    const start = this.skipWhitespace();
    const next = this.peek();
    if (next === '"') return this.readString();
    if (next !== undefined && /[-0-9]/.test(next)) return this.readNumber();
    const word = this.readWord();
    switch (word.toLowerCase()) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
        return null;
    }
    if (word === '') return this.fail(`expected a value after "${operator}"${this.foundHere()}`);
    return this.fail(`"${word}" is not a value; strings must be in double quotes`, start);
  }

  private readNumber(): number {
    const start = this.position;
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.text);
    const end = start + (match?.[0].length ?? 0);
    if (!match || NAME_CHARACTER.test(this.text[end] ?? '')) this.fail('invalid number', start);
    this.position = end;
    return Number(match[0]);
  }

  private readString(): string {
    const start = this.position++;
    let value = '';
    for (;;) {
      const character = this.text[this.position];
      if (character === undefined) return this.fail('unterminated string', start);
      if (character === '"') {
        this.position++;
        return value;
      }
      if (character < ' ') this.fail('control characters in strings must be escaped');
      if (character !== '\\') {
        value += character;
        this.position++;
        continue;
      }
      const escape = this.text[this.position + 1] ?? '';
      if (escape === 'u') {
        const hex = this.text.slice(this.position + 2, this.position + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape in string');
        value += String.fromCharCode(Number.parseInt(hex, 16));
        this.position += 6;
        continue;
      }
      const decoded = ESCAPES[escape];
      if (decoded === undefined) this.fail(`invalid escape "\\${escape}" in string`);
      value += decoded;
      this.position += 2;
    }
  }

  private acceptKeyword(keyword: string): boolean {
    const saved = this.position;
    this.skipWhitespace();
    if (this.readWord().toLowerCase() === keyword) return true;
    this.position = saved;
    return false;
  }

  private expectEnd(): void {
    this.skipWhitespace();
    if (this.position < this.text.length) {
      this.fail(`unexpected "${this.tokenHere()}"; expected "and", "or"${this.depth > 0 ? '' : ' or the end of the filter'}`);
    }
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_NESTING_DEPTH) this.fail(`the filter nests deeper than ${MAX_NESTING_DEPTH} levels`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private readWord(): string {
    const start = this.position;
    while (this.position < this.text.length && NAME_CHARACTER.test(this.text[this.position] ?? '')) this.position++;
    return this.text.slice(start, this.position);
  }

  private skipWhitespace(): number {
    while (/\s/.test(this.text[this.position] ?? '')) this.position++;
    return this.position;
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private tokenHere(): string {
    const saved = this.position;
    const word = this.readWord();
    this.position = saved;
    return word || (this.peek() ?? '');
  }

  private foundHere(): string {
    if (this.position >= this.text.length) return ' but the input ended';
    return this.peek() === '"' ? ' but found a string' : ` but found "${this.tokenHere()}"`;
  }

  private fail(detail: string, at: number = this.position): never {
    throw this.syntaxError(`${detail} at position ${at}`);
  }
}
