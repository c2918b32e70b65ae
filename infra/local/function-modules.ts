import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import { inInvocationScope } from './invocation-scope.js';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

const loaded = new Map<string, Promise<LambdaHandler>>();
const functionsDir = resolve(import.meta.dirname, '../../functions');

/**
 * The same module the stack bundles: functions/<name>/handler.ts, loaded once like a warm Lambda;
 * each invocation in its own InvokeStore context, as Lambda runs concurrent invocations.
 */
export function loadHandler(functionName: string): Promise<LambdaHandler> {
  let handler = loaded.get(functionName);
  if (!handler) {
    const url = pathToFileURL(resolve(functionsDir, functionName, 'handler.ts')).href;
    handler = import(url).then((module: { handler: LambdaHandler }) => inInvocationScope(module.handler));
    loaded.set(functionName, handler);
  }
  return handler;
}
