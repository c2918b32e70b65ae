import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { LambdaHandler } from './function-modules.js';

/*
 * Lambda runs one invocation at a time in an execution environment, unless it may run several at
 * once (Lambda Managed Instances: AWS_LAMBDA_MAX_CONCURRENCY is set); then the runtime runs each
 * invocation in its own InvokeStore context, and Powertools Logger keeps that invocation's keys and
 * log level there. The local stack, and the tests' in-process API, run every function in one
 * process and serve requests concurrently: the second case. So they run each invocation in an
 * InvokeStore context too, and the tenant of one request never shows on another's log lines.
 * Like Lambda, they also say the environment started on demand, so the first invocation's lines
 * are flagged cold_start (one process here: the first invocation of any function). A child process
 * that runs Roster code without these scopes (the operator's CLI in tests) must not inherit
 * AWS_LAMBDA_MAX_CONCURRENCY: Powertools would look for an InvokeStore it has not got.
 */
process.env.AWS_LAMBDA_MAX_CONCURRENCY ??= '1000';
process.env.AWS_LAMBDA_INITIALIZATION_TYPE ??= 'on-demand';
const store = await InvokeStore.getInstanceAsync(true);

/** The handler, each of whose invocations runs in an InvokeStore context of its own. */
export function inInvocationScope(handler: LambdaHandler): LambdaHandler {
  return (event, context) => store.run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId }, () => handler(event, context));
}
