/*
 * What the Lambda runtime says about the invocation in progress, beyond its Context: the X-Ray
 * trace header. The runtime keeps it in its InvokeStore (`globalThis.awslambda`) when invocations
 * may run concurrently, and in `_X_AMZN_TRACE_ID` otherwise. It changes with every invocation, so
 * it is read here, each time, not from the configuration read at cold start.
 */

/** The runtime's per-invocation store (Lambda's, or the local stack's: infra/local/invocation-scope.ts). */
export interface InvokeStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  getRequestId(): string;
  getXRayTraceId(): string | undefined;
}

export function invokeStore(): InvokeStore | undefined {
  return (globalThis as { awslambda?: { InvokeStore?: InvokeStore } }).awslambda?.InvokeStore;
}

/** The trace header's fields (`Root=1-…;Parent=…;Sampled=1`), or undefined outside a traced invocation. */
export function invocationTrace(): Record<string, string> | undefined {
  const header = invokeStore()?.getXRayTraceId() ?? process.env._X_AMZN_TRACE_ID;
  if (!header) return undefined;
  if (!header.includes('=')) return { Root: header };
  return Object.fromEntries(header.split(';').map((field) => field.split('=', 2) as [string, string]));
}
