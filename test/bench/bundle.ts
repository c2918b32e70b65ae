import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { projectRoot } from '../../infra/project-paths.js';

/**
 * esbuild as the stack runs it for each function: the options infra/constructs/roster-function.ts
 * gives NodejsFunction (ESM, target node22, module/main fields, the createRequire banner, minified,
 * linked source map without sources), plus what NodejsFunction adds (--bundle, --platform=node,
 * --external:@aws-sdk/* for Node 18+ runtimes). `bundleSdk` drops that external, for the
 * comparisons where the SDK has to be inside both bundles.
 */
const STACK_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  absWorkingDir: projectRoot,
  logLevel: 'error',
};

export interface Bundle {
  file: string;
  bytes: number;
  /** Bytes of the output that come from each npm package (first-party code under "roster"). */
  packages: Map<string, number>;
}

export async function bundle(entry: { file: string } | { source: string }, outfile: string, options: { bundleSdk: boolean }): Promise<Bundle> {
  const result = await build({
    ...STACK_OPTIONS,
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.source, resolveDir: projectRoot, loader: 'ts' } }),
    outfile,
    external: options.bundleSdk ? [] : ['@aws-sdk/*'],
    metafile: true,
  });
  const packages = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'roster';
      packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
    }
  }
  return { file: outfile, bytes: statSync(outfile).size, packages };
}

export const outputPath = (directory: string, name: string) => join(directory, name, 'index.mjs');
