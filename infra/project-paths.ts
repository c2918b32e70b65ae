import { resolve } from 'node:path';

/** Repository root: esbuild resolves modules and the lock file from here. */
export const projectRoot = resolve(import.meta.dirname, '..');

export const lockFile = resolve(projectRoot, 'package-lock.json');

/** Every Lambda function lives in functions/<name>/handler.ts and exports `handler`. */
export function functionEntry(functionName: string): string {
  return resolve(projectRoot, 'functions', functionName, 'handler.ts');
}
