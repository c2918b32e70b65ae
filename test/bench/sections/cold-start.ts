import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionDefinitions, type FunctionDefinition } from '../../../shared/routes.js';
import { bundle, type Bundle } from '../bundle.js';
import { moduleInitMs } from '../module-init.js';
import { progress, say } from '../progress.js';
import { count, mark, ratio, table, type Section } from '../report.js';
import { functionEntryFor, sdkBaseline, usesNoClient } from '../sdk-baselines.js';
import { median } from '../stats.js';

const RUNS = 21;
const SIZE_TARGET = 1.2;
const INIT_TARGET = 1.25;

const kb = (bytes: number) => `${count(Math.round(bytes / 1024))} KB`;

/** The biggest packages a bundle as deployed (the SDK outside) loads at init; "roster" is Roster's own code. */
function largestPackages(deployed: Bundle): string {
  return [...deployed.packages]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
}

/** The chunks a function loads only when a request needs them, largest first, with their largest package. */
function lazyChunks(bundled: Bundle): string {
  if (!bundled.lazyChunks.length) return '—';
  const shown = bundled.lazyChunks.slice(0, 3).map((chunk) => `${kb(chunk.bytes)} (${chunk.largest})`);
  return bundled.lazyChunks.length > 3 ? `${shown.join(', ')} and ${bundled.lazyChunks.length - 3} more` : shown.join(', ');
}

/** Init time of every file, RUNS fresh processes each, the files taking turns. */
function initTimes(files: string[]): Map<string, number> {
  const samples = new Map(files.map((file) => [file, [] as number[]]));
  const shown = progress(`module init, ${RUNS} fresh processes per bundle`, RUNS * files.length);
  for (let run = 0; run < RUNS; run += 1) {
    for (let index = 0; index < files.length; index += 1) {
      const file = files[(index + run) % files.length]!;
      samples.get(file)!.push(moduleInitMs(file));
      shown.add(1);
    }
  }
  shown.finish();
  return new Map([...samples].map(([file, times]) => [file, median(times)]));
}

interface Measured {
  definition: FunctionDefinition;
  withSdk: Bundle;
  deployed: Bundle;
  baseline: Bundle;
  baselineName: string;
  size: number;
  init: number;
}

/** Bundles every function (SDK inside, and as deployed) and its SDK-only baseline. */
async function bundleAll(directory: string) {
  const baselines = new Map<string, Promise<Bundle>>();
  const baselineOf = (source: string) => {
    if (!baselines.has(source)) baselines.set(source, bundle({ source }, join(directory, `baseline-${baselines.size}`), { bundleSdk: true }));
    return baselines.get(source)!;
  };
  const functions = [];
  for (const definition of functionDefinitions as readonly FunctionDefinition[]) {
    functions.push({
      definition,
      baselineName: sdkBaseline(definition).name,
      baseline: await baselineOf(sdkBaseline(definition).source),
      withSdk: await bundle(functionEntryFor(definition), join(directory, definition.name), { bundleSdk: true }),
      deployed: await bundle({ functionName: definition.name }, join(directory, `${definition.name}-deployed`), { bundleSdk: false }),
    });
  }
  return functions;
}

function diagnosis(missed: Measured[], all: Measured[]): string {
  const smallest = [...all].sort((a, b) => a.deployed.initBytes - b.deployed.initBytes)[0]!;
  const allowance = Math.min(...all.map((row) => (SIZE_TARGET - 1) * row.baseline.initBytes));
  return [
    `Over the target: ${missed.map((row) => `${row.definition.name} (size ${ratio(row.size)}, init ${ratio(row.init)})`).join(', ')}.`,
    `The size target leaves a function ${kb(allowance)} or more beyond its SDK clients at init; the smallest function, ${smallest.definition.name}, already loads ${kb(smallest.deployed.initBytes)} (${largestPackages(smallest.deployed)}), what every HTTP function loads besides its own code.`,
    `Besides the SDK, they load at init: ${missed.map((row) => `${row.definition.name}: ${largestPackages(row.deployed)}`).join('; ')} ("roster" is Roster's own code).`,
    'Code that only some requests need can move to a chunk of its own with a dynamic `import()` (infra/function-bundle.ts, shared/http/lazy-route.ts), as the profile libraries, the body schemas and the admin API\'s and console\'s routes have.',
  ].join(' ');
}

export async function measureColdStart(): Promise<Section> {
  const directory = mkdtempSync(join(tmpdir(), 'roster-bench-bundles-'));
  try {
    say(`bundling ${functionDefinitions.length} functions and their SDK-only baselines with esbuild`);
    const functions = await bundleAll(directory);
    const init = initTimes([...new Set(functions.flatMap((row) => [row.withSdk.file, row.baseline.file]))]);
    const measured: Measured[] = functions.map((row) => {
      say(`  ${row.definition.name}: init ${init.get(row.withSdk.file)!.toFixed(0)} ms vs ${init.get(row.baseline.file)!.toFixed(0)} ms for the SDK clients alone`);
      return { ...row, size: row.withSdk.initBytes / row.baseline.initBytes, init: init.get(row.withSdk.file)! / init.get(row.baseline.file)! };
    });
    const missed = measured.filter((row) => row.size > SIZE_TARGET || row.init > INIT_TARGET);
    return {
      title: 'Cold start',
      target: `bytes loaded at init ≤ ${SIZE_TARGET}× and module init ≤ ${INIT_TARGET}× those of a bundle holding only the SDK clients the function uses`,
      met: missed.length === 0,
      ...(missed.length ? { diagnosis: diagnosis(missed, measured) } : {}),
      body: [
        `Each function of shared/routes.ts bundled as the stack bundles it (infra/function-bundle.ts: esbuild, ESM, minified, target node22, linked source maps, split into chunks), and compared with a baseline bundle of one line per SDK client the function uses (DynamoDBClient and DynamoDBDocumentClient; SESClient for a function that sends mail), built the same way. A function's size is what it loads at init: index.mjs and the chunks it imports; a chunk that only a dynamic \`import()\` loads is loaded by the first request that needs it, and is listed on its own. For the ratios the AWS SDK is bundled into both (as deployed it stays outside: Lambda's runtime provides it, and loads it at init all the same); split the same way, the SDK's credential providers are chunks of the baseline too, as they are lazy in the runtime's SDK. A function that uses no SDK client (${functionDefinitions.filter((definition) => usesNoClient(definition)).map((definition) => definition.name).join(', ')}) is bundled next to the table's clients and compared with them: it gets the allowance of the smallest baseline, not a ratio to an empty bundle. Init is the time \`await import(index.mjs)\` takes in a fresh \`node --enable-source-maps\` process (the stack sets NODE_OPTIONS=--enable-source-maps), median of ${RUNS} runs, the bundles taking turns.`,
        table(
          ['function', 'at init (SDK inside)', 'SDK-only baseline at init', 'size ÷ baseline', 'init ÷ baseline', 'deployed (SDK outside): at init / in all', 'at init besides the SDK', 'loaded later, by the requests that need it'],
          measured.map((row) => [
            row.definition.name,
            kb(row.withSdk.initBytes),
            `${kb(row.baseline.initBytes)} (${row.baselineName})`,
            `${ratio(row.size)} ${mark(row.size <= SIZE_TARGET)}`,
            `${ratio(row.init)} ${mark(row.init <= INIT_TARGET)}`,
            `${kb(row.deployed.initBytes)} / ${kb(row.deployed.totalBytes)}`,
            largestPackages(row.deployed),
            lazyChunks(row.deployed),
          ]),
        ),
      ],
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
