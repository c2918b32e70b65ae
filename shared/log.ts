import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { config, type Config } from './config.js';

/**
 * Structured JSON logs, one object per line, written by Powertools for AWS Lambda's Logger: each
 * line carries the level, message, timestamp, `service`, and — inside an invocation — the
 * function's name, Lambda's request id (`function_request_id`), `cold_start` and the X-Ray trace
 * id, plus the keys the invocation added (API Gateway's `requestId`, the caller's `tenantId` and
 * `connectionId`). Callers pass only identifiers and measurements: never email addresses, names or
 * tokens.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

/** Keys every later line of the current invocation carries; `undefined` leaves a key out. */
export type LogKeys = Record<string, string | number | undefined>;

/** Powertools' `service` field on every line (and the metrics' `service` dimension). */
const SERVICE = 'roster';

let current: { logger: Logger; settings: Config } | undefined;

/**
 * The process's logger, built from the configuration at first use (cold start). A new
 * configuration object (only tests reset it) builds a new logger.
 */
function logger(): Logger {
  const settings = config();
  if (current?.settings !== settings) {
    current = {
      settings,
      logger: new Logger({ serviceName: SERVICE, logLevel: settings.LOG_LEVEL, sampleRateValue: settings.LOG_DEBUG_SAMPLE_RATE }),
    };
  }
  return current.logger;
}

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  logger()[level](message, fields);
}

/**
 * Starts an invocation's log context — what Powertools' injectLambdaContext middleware does, for
 * the middy stacks and the plain stream and schedule handlers alike: no key of an earlier
 * invocation is left, the Lambda context (function, request id, cold start) and `keys` go on every
 * line, and the debug sampling decision is taken afresh (its notice already under this context).
 * The event itself is never logged.
 */
export function beginInvocationLog(context: Context | undefined, keys: LogKeys = {}): void {
  const instance = logger();
  instance.resetKeys();
  if (context) instance.addContext(context);
  instance.appendKeys(keys);
  instance.refreshSampleRateCalculation();
}

/**
 * Sets keys on every later line of the current invocation (e.g. the tenant, once authenticated),
 * replacing their earlier values; a key set to `undefined` is left out from now on.
 */
export function setLogKeys(keys: LogKeys): void {
  const instance = logger();
  instance.removeKeys(Object.keys(keys));
  instance.appendKeys(keys);
}

/** Ends the invocation's log context: its keys do not carry over into the next invocation. */
export function endInvocationLog(): void {
  logger().resetKeys();
}

/** A stream or schedule handler whose lines carry the invocation's context, reset when it ends. */
export function withInvocationLog<Event, Result>(handler: (event: Event, context?: Context) => Promise<Result>) {
  return async (event: Event, context?: Context): Promise<Result> => {
    beginInvocationLog(context);
    try {
      return await handler(event, context);
    } finally {
      endInvocationLog();
    }
  };
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
