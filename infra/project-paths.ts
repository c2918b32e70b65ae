import { resolve } from 'node:path';

/** Repository root: esbuild resolves modules from here. */
export const projectRoot = resolve(import.meta.dirname, '..');

/** Every Lambda function lives in functions/<name>/handler.ts and exports `handler`. */
export function functionEntry(functionName: string): string {
  return resolve(projectRoot, 'functions', functionName, 'handler.ts');
}
