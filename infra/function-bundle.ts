import type { BuildOptions } from 'esbuild';
import { functionEntry, projectRoot } from './project-paths.js';

// esbuild's ESM output has no `require`; CommonJS dependencies bundled into it still call it.
const requireShim = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * How every Lambda function is bundled (the stack, infra/constructs/roster-function.ts, and the
 * cold-start benchmark, test/bench/bundle.ts): ESM for Node 22, minified, with linked source maps
 * (the stack sets NODE_OPTIONS=--enable-source-maps) that hold only the mappings — the sources
 * would double the bundle.
 *
 * Split into chunks: index.mjs and what it imports is loaded at the function's init, while a module
 * the code imports with `import()` (what only some requests need: the profile libraries, OpenID
 * sign-in…) is a chunk of its own, loaded by the first request that needs it.
 *
 * The AWS SDK stays outside (Lambda's Node.js runtime provides it) unless `bundleSdk`, which the
 * benchmark uses to compare a function with a bundle of only its SDK clients.
 */
export function functionBuildOptions(entry: { functionName: string } | { source: string }, outdir: string, { bundleSdk = false } = {}): BuildOptions {
  return {
    ...('functionName' in entry
      ? { entryPoints: { index: functionEntry(entry.functionName) } }
      : { stdin: { contents: entry.source, resolveDir: projectRoot, loader: 'ts', sourcefile: 'index.ts' }, entryNames: 'index' }),
    outdir,
    absWorkingDir: projectRoot,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outExtension: { '.js': '.mjs' },
    mainFields: ['module', 'main'],
    banner: { js: requireShim },
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    external: bundleSdk ? [] : ['@aws-sdk/*'],
    metafile: true,
    logLevel: 'error',
  };
}
