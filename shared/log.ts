import type { Context } from 'aws-lambda';
import { config } from './config.js';
import { invocationTrace, invokeStore } from './lambda-invocation.js';

/**
 * Structured JSON logs, one object per line, in the shape of Powertools for AWS Lambda's Logger:
 * each line carries the level, message, timestamp, `service`, `sampling_rate`, and — inside an
 * invocation — the function's name, ARN and memory, Lambda's request id (`function_request_id`),
 * `cold_start` and the X-Ray trace id, plus the keys the invocation added (API Gateway's
 * `requestId`, the caller's `tenantId` and `connectionId`). Callers pass only identifiers and
 * measurements: never email addresses, names or tokens.
 *
 * Why not Powertools Logger itself: it costs every function ~21 KB (Logger, its formatter, buffer
 * and commons) and ~2 ms of init, a third of what the cold-start target leaves a function beyond
 * its SDK clients (test/bench, cold start), for what these ~100 lines do: the same fields, levels,
 * per-invocation keys and debug sampling. Its log buffering and custom formatters are not used.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

/** Keys every later line of the current invocation carries; `undefined` leaves a key out. */
export type LogKeys = Record<string, string | number | undefined>;

/** The `service` field on every line (and the metrics' `service` dimension). */
const SERVICE = 'roster';
const SEVERITY: Record<Level | 'silent', number> = { debug: 8, info: 12, warn: 16, error: 20, silent: 28 };
/** Where the invocation's log state lives in the runtime's InvokeStore, when it has one. */
const STORE_KEY = 'roster.log';

interface InvocationLog {
  /** The Lambda context fields, on every line. */
  context: Record<string, unknown>;
  keys: LogKeys;
  /** This invocation logs at debug (the sampling decision). */
  sampled: boolean;
}

/**
 * The current invocation's log state. Lambda runs one invocation at a time in an environment,
 * unless it may run several at once; then the runtime (and the local stack, which serves requests
 * concurrently in one process) runs each in an InvokeStore context of its own, and the state lives
 * there, so that the tenant of one request never shows on another's lines.
 */
let outsideStore: InvocationLog = { context: {}, keys: {}, sampled: false };
let invokedBefore = false;

function current(): InvocationLog {
  const store = invokeStore();
  const scoped = store?.get(STORE_KEY) as InvocationLog | undefined;
  return scoped ?? outsideStore;
}

function replace(state: InvocationLog): void {
  const store = invokeStore();
  // Inside an invocation's InvokeStore context the store knows its request id ('-' outside one).
  if (store && store.getRequestId() !== '-') store.set(STORE_KEY, state);
  else outsideStore = state;
}

/** Errors as fields: their name, message and stack (JSON.stringify alone would write `{}`). */
function serializable(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const settings = config();
  const state = current();
  if (SEVERITY[level] < SEVERITY[state.sampled ? 'debug' : settings.LOG_LEVEL]) return;
  const trace = invocationTrace()?.Root;
  const line = JSON.stringify(
    {
      level: level.toUpperCase(),
      message,
      timestamp: new Date().toISOString(),
      service: SERVICE,
      sampling_rate: settings.LOG_DEBUG_SAMPLE_RATE,
      ...state.context,
      ...(trace ? { xray_trace_id: trace } : {}),
      ...state.keys,
      ...fields,
    },
    serializable,
  );
  (SEVERITY[level] >= SEVERITY.warn ? process.stderr : process.stdout).write(`${line}\n`);
}

/**
 * Starts an invocation's log context — what Powertools' injectLambdaContext middleware does, for
 * the middy stacks and the plain stream and schedule handlers alike: no key of an earlier
 * invocation is left, the Lambda context (function, request id, cold start) and `keys` go on every
 * line, and the debug sampling decision is taken afresh (a sampled invocation says so first). The event itself is never logged.
 */
export function beginInvocationLog(context: Context | undefined, keys: LogKeys = {}): void {
  const settings = config();
  const coldStart = !invokedBefore && settings.AWS_LAMBDA_INITIALIZATION_TYPE !== 'provisioned-concurrency';
  if (context) invokedBefore = true;
  replace({
    context: context
      ? {
          cold_start: coldStart,
          function_arn: context.invokedFunctionArn,
          function_memory_size: Number(context.memoryLimitInMB),
          function_name: context.functionName,
          function_request_id: context.awsRequestId,
        }
      : {},
    keys: withoutUndefined(keys),
    sampled: settings.LOG_DEBUG_SAMPLE_RATE > 0 && Math.random() < settings.LOG_DEBUG_SAMPLE_RATE,
  });
  if (current().sampled) log('debug', 'Setting log level to DEBUG due to sampling rate');
}

/**
 * Sets keys on every later line of the current invocation (e.g. the tenant, once authenticated),
 * replacing their earlier values; a key set to `undefined` is left out from now on.
 */
export function setLogKeys(keys: LogKeys): void {
  const state = current();
  replace({ ...state, keys: withoutUndefined({ ...state.keys, ...keys }) });
}

/** Ends the invocation's log context: its keys do not carry over into the next invocation. */
export function endInvocationLog(): void {
  replace({ context: {}, keys: {}, sampled: false });
}

function withoutUndefined(keys: LogKeys): LogKeys {
  return Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined));
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
