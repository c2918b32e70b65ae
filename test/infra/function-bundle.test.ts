import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionBuildOptions } from '../../infra/function-bundle.js';
import { projectRoot } from '../../infra/project-paths.js';
import { functionDefinitions } from '../../shared/routes.js';

/** Libraries that only some requests need: no function may load them at init. */
const LAZY_PACKAGES = ['libphonenumber-js', 'luxon', 'countries-and-timezones', 'i18n-iso-countries', 'openid-client', 'oauth4webapi'];

let directory: string;
const metafiles = new Map<string, Metafile>();
beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'roster-function-bundles-'));
  // As in Lambda, where the runtime provides the AWS SDK the bundles leave outside.
  symlinkSync(join(projectRoot, 'node_modules'), join(directory, 'node_modules'));
  for (const { name } of functionDefinitions) {
    metafiles.set(name, (await build(functionBuildOptions({ functionName: name }, join(directory, name)))).metafile!);
  }
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** The output files index.mjs loads at init: itself and the chunks it imports, transitively. */
function loadedAtInit(metafile: Metafile): Metafile['outputs'][string][] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of metafile.outputs[path]!.imports) if (imported.kind === 'import-statement' && metafile.outputs[imported.path]) visit(imported.path);
  };
  visit(Object.keys(metafile.outputs).find((path) => path.endsWith('/index.mjs'))!);
  return [...seen].map((path) => metafile.outputs[path]!);
}

describe('the function bundles (infra/function-bundle.ts)', () => {
  it.each(functionDefinitions.map(({ name }) => name))('%s: index.mjs exports the handler, and every chunk loads in a fresh Node.js process', (name) => {
    const chunks = readdirSync(join(directory, name)).filter((file) => file.endsWith('.mjs'));
    const script = `
      const index = await import(${JSON.stringify(pathToFileURL(join(directory, name, 'index.mjs')).href)});
      if (typeof index.handler !== 'function') throw new Error('no handler');
      for (const chunk of ${JSON.stringify(chunks)}) await import(new URL(chunk, ${JSON.stringify(pathToFileURL(join(directory, name, '/')).href)}));
      process.stdout.write('loaded ' + ${chunks.length});`;
    const output = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
      env: { ...process.env, NODE_OPTIONS: '', TABLE_NAME: 'roster-bundle-test' },
      encoding: 'utf8',
    });
    expect(output).toBe(`loaded ${chunks.length}`);
  });

  it.each(functionDefinitions.map(({ name }) => name))('%s loads none of the libraries only some requests need at init', (name) => {
    const atInit = loadedAtInit(metafiles.get(name)!).flatMap((output) => Object.keys(output.inputs));
    expect(LAZY_PACKAGES.filter((lazy) => atInit.some((input) => input.includes(`node_modules/${lazy}/`)))).toEqual([]);
  });
});
