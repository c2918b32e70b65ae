/**
 * Readers of environment variables for shared/config.ts: each turns the raw string (undefined when
 * the variable is unset) into a typed value, or throws InvalidValue with what is wrong.
 *
 * Written here rather than as a zod schema: every function reads the configuration, and loading
 * zod and building that schema added ~20% to the init of a function's SDK clients (test/bench,
 * cold start) for a dozen simple rules — while most functions need no other schema at init.
 */
export class InvalidValue extends Error {}

export type Reader<T> = (raw: string | undefined) => T;

/** A string of `min`..`max` characters matching `pattern` (its message says how); `fallback` when unset, else required. */
export function text(options: { min?: number; max?: number; pattern?: [RegExp, string]; fallback?: string } = {}): Reader<string> {
  const { min = 0, max = Infinity, pattern, fallback } = options;
  return (raw) => {
    if (raw === undefined) {
      if (fallback === undefined) throw new InvalidValue('is required');
      return fallback;
    }
    if (raw.length < min) throw new InvalidValue(`must have at least ${min} character${min === 1 ? '' : 's'}`);
    if (raw.length > max) throw new InvalidValue(`must have at most ${max} characters`);
    if (pattern && !pattern[0].test(raw)) throw new InvalidValue(pattern[1]);
    return raw;
  };
}

/** An absolute URL (surrounding whitespace dropped); `fallback` when unset, else required. */
export function url(fallback?: string): Reader<string> {
  return (raw) => {
    if (raw === undefined) {
      if (fallback === undefined) throw new InvalidValue('is required');
      return fallback;
    }
    const trimmed = raw.trim();
    if (!URL.canParse(trimmed)) throw new InvalidValue('must be a URL');
    // The URL parser ignores tabs and line breaks anywhere; so does the value kept.
    return trimmed.replace(/[\t\n\r]/g, '');
  };
}

/** One of `values`, spelt exactly; `fallback` when unset. */
export function oneOf<const Values extends readonly string[]>(values: Values, fallback: Values[number]): Reader<Values[number]> {
  return (raw) => {
    if (raw === undefined) return fallback;
    if (!(values as readonly string[]).includes(raw)) throw new InvalidValue(`must be one of ${values.join(', ')}`);
    return raw as Values[number];
  };
}

/** `true` or `false`; `fallback` when unset. */
export function flag(fallback: boolean): Reader<boolean> {
  const read = oneOf(['true', 'false'], fallback ? 'true' : 'false');
  return (raw) => read(raw) === 'true';
}

/** A whole number from `min` to `max` (read as JavaScript's Number() reads it); `fallback` when unset. */
export function wholeNumber(min: number, max: number, fallback: number): Reader<number> {
  return (raw) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new InvalidValue(`must be a whole number from ${min} to ${max}`);
    return value;
  };
}

/** A number from `min` to `max` (read as JavaScript's Number() reads it); `fallback` when unset. */
export function number(min: number, max: number, fallback: number): Reader<number> {
  return (raw) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) throw new InvalidValue(`must be a number from ${min} to ${max}`);
    return value;
  };
}

/** A comma-separated list, its entries trimmed and empty ones dropped; `fallback` when unset. */
export function list(fallback: string[] = []): Reader<string[]> {
  return (raw) => (raw === undefined ? fallback : raw.split(',').map((entry) => entry.trim()).filter(Boolean));
}

/** The reader's value, or undefined when the variable is unset. */
export function optional<T>(read: Reader<T>): Reader<T | undefined> {
  return (raw) => (raw === undefined ? undefined : read(raw));
}

/**
 * Every variable of `readers` read from `env`; throws one error that names every refused
 * variable and why.
 */
export function readAll<Readers extends Record<string, Reader<unknown>>>(
  readers: Readers,
  env: Record<string, string | undefined>,
): { [Name in keyof Readers]: ReturnType<Readers[Name]> } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, read] of Object.entries(readers)) {
    try {
      values[name] = read(env[name]);
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      problems.push(`${name}: ${error.message}`);
    }
  }
  if (problems.length) throw new InvalidValue(problems.join('; '));
  return values as { [Name in keyof Readers]: ReturnType<Readers[Name]> };
}
