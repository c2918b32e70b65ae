import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * Milliseconds a fresh Node process takes to load and evaluate an ES module (a Lambda cold start's
 * init phase, less the runtime's own start), with source maps enabled as the stack's functions
 * run (NODE_OPTIONS=--enable-source-maps, infra/function-environment.ts).
 */
export function moduleInitMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const output = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    env: { ...process.env, NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  return Number(output);
}
