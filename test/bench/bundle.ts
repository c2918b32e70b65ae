import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { functionBuildOptions } from '../../infra/function-bundle.js';

export interface Bundle {
  /** The entry file (index.mjs): what the Lambda runtime imports. */
  file: string;
  /** Bytes of JavaScript loaded at init: the entry and the chunks it imports statically. */
  initBytes: number;
  /** Bytes of JavaScript in all: with the chunks only an `import()` loads, when a request needs them. */
  totalBytes: number;
  /** Bytes loaded at init that come from each npm package (first-party code under "roster"). */
  packages: Map<string, number>;
  /** The chunks only an `import()` loads, largest first: their size and their largest package. */
  lazyChunks: Array<{ bytes: number; largest: string }>;
}

/** The package a bundled input file comes from; "roster" for Roster's own code. */
const packageOf = (path: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'roster';

function packagesOf(outputs: Array<Metafile['outputs'][string]>): Map<string, number> {
  const packages = new Map<string, number>();
  for (const output of outputs) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      packages.set(packageOf(path), (packages.get(packageOf(path)) ?? 0) + bytesInOutput);
    }
  }
  return packages;
}

/**
 * A function (or a source text) bundled as the stack bundles it (infra/function-bundle.ts: in
 * chunks), into `directory`; `bundleSdk` puts the AWS SDK inside, for comparisons with a bundle of
 * only the SDK clients (which is split the same way: the SDK's credential providers, for one, are
 * chunks of their own, as they are lazy in the SDK that Lambda's runtime provides).
 */
export async function bundle(entry: { functionName: string } | { source: string }, directory: string, options: { bundleSdk: boolean }): Promise<Bundle> {
  const { metafile } = await build(functionBuildOptions(entry, directory, options));
  const outputs = Object.entries(metafile!.outputs).filter(([path]) => path.endsWith('.mjs'));
  const byPath = new Map(outputs);
  const entryPath = outputs.find(([path]) => path.endsWith('/index.mjs'))![0];
  const atInit = new Set<string>();
  const visit = (path: string) => {
    if (atInit.has(path)) return;
    atInit.add(path);
    for (const imported of byPath.get(path)!.imports) if (imported.kind === 'import-statement' && byPath.has(imported.path)) visit(imported.path);
  };
  visit(entryPath);
  const bytesOf = (paths: Iterable<string>) => [...paths].reduce((sum, path) => sum + byPath.get(path)!.bytes, 0);
  const largestPackage = (output: Metafile['outputs'][string]) => [...packagesOf([output])].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return {
    file: join(directory, 'index.mjs'),
    initBytes: bytesOf(atInit),
    totalBytes: bytesOf(byPath.keys()),
    packages: packagesOf([...atInit].map((path) => byPath.get(path)!)),
    lazyChunks: outputs
      .filter(([path]) => !atInit.has(path))
      .map(([, output]) => ({ bytes: output.bytes, largest: largestPackage(output) }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}
