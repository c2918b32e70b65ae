import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { LambdaHandler } from './function-modules.js';

/*
 * Lambda runs one invocation at a time in an execution environment, unless it may run several at
 * once (Lambda Managed Instances); then the runtime runs each invocation in its own InvokeStore
 * context, and the logs keep that invocation's keys there (shared/log.ts). The local stack, and the
 * tests' in-process API, run every function in one process and serve requests concurrently: the
 * second case. So they run each invocation in an InvokeStore context too, and the tenant of one
 * request never shows on another's log lines. (One process here: the first invocation of any
 * function is the one flagged cold_start.)
 */
const store = await InvokeStore.getInstanceAsync(true);

/** The handler, each of whose invocations runs in an InvokeStore context of its own. */
export function inInvocationScope(handler: LambdaHandler): LambdaHandler {
  return (event, context) => store.run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId }, () => handler(event, context));
}
