import { config } from './config.js';

/**
 * Structured JSON logs, one object per line. Callers pass only identifiers and measurements:
 * never email addresses, names or tokens.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (order[level] < order[config().LOG_LEVEL]) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields });
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

/** Error details fit for logs: the name, message and stack of our code, no request data. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = error.cause instanceof Error ? error.cause : undefined;
  return {
    errorName: error.name,
    errorMessage: error.message,
    stack: error.stack,
    ...(cause ? { causeName: cause.name, causeMessage: cause.message, causeStack: cause.stack } : {}),
  };
}
