import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionEntry } from '../../../infra/project-paths.js';
import { functionDefinitions, type FunctionDefinition } from '../../../shared/routes.js';
import { bundle, outputPath, type Bundle } from '../bundle.js';
import { moduleInitMs } from '../module-init.js';
import { progress, say } from '../progress.js';
import { count, mark, ratio, table, type Section } from '../report.js';
import { sdkBaseline, tableBaseline, zodFloors, type EntrySource } from '../sdk-baselines.js';
import { median } from '../stats.js';

const RUNS = 21;
const SIZE_TARGET = 1.2;
const INIT_TARGET = 1.25;
const SDK_PACKAGE = /^@(aws-sdk|smithy|aws-crypto)\//;

const kb = (bytes: number) => `${count(Math.round(bytes / 1024))} KB`;

/** The biggest packages in a bundle besides the SDK (whose size the baseline accounts for); "roster" is Roster's own code. */
function largestPackages(bundled: Bundle, besides: string[] = []): string {
  return [...bundled.packages]
    .filter(([name]) => !SDK_PACKAGE.test(name) && !besides.includes(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
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

interface Compared {
  name: string;
  bundled: Bundle;
  baseline: Bundle;
  baselineName: string;
  size: number;
  init: number;
  zod: number;
}

/** Bundles every function (SDK inside, and as deployed), its SDK-only baseline and the zod references. */
async function bundleAll(directory: string) {
  const entries = new Map<string, Promise<Bundle>>();
  const once = (entry: EntrySource) => {
    if (!entries.has(entry.source)) entries.set(entry.source, bundle({ source: entry.source }, outputPath(directory, `entry-${entries.size}`), { bundleSdk: true }));
    return entries.get(entry.source)!;
  };
  const functions = [];
  for (const definition of functionDefinitions as readonly FunctionDefinition[]) {
    functions.push({
      definition,
      baselineName: sdkBaseline(definition).name,
      baseline: await once(sdkBaseline(definition)),
      withSdk: await bundle({ file: functionEntry(definition.name) }, outputPath(directory, definition.name), { bundleSdk: true }),
      deployed: await bundle({ file: functionEntry(definition.name) }, outputPath(directory, `${definition.name}-deployed`), { bundleSdk: false }),
    });
  }
  const references = [];
  for (const entry of zodFloors()) references.push({ name: entry.name, bundled: await once(entry), baseline: await once(tableBaseline()) });
  return { functions, references };
}

function diagnosis(functions: Array<Compared & { withoutZod: number; deployed: Bundle }>, references: Compared[]): string {
  const [classic, mini] = references as [Compared, Compared];
  const stillOver = functions.filter((row) => row.withoutZod > SIZE_TARGET);
  return [
    `zod is ${kb(Math.min(...functions.map((row) => row.zod)))}–${kb(Math.max(...functions.map((row) => row.zod)))} of each bundle, tree-shaken already (\`import * as z from 'zod'\`): zod’s classic API keeps ${kb(classic.zod)} for a single \`z.object\` of one \`z.string\` (reference rows), ${ratio(classic.size)} the baseline’s size and ${ratio(classic.init)} its init on its own, while zod/mini keeps ${kb(mini.zod)} for the same schema (${ratio(mini.size)} and ${ratio(mini.init)}).`,
    `What would close most of the gap (shared/ is not changed here): the same schemas on zod/mini — the same validation at every boundary, as functions that tree-shake.`,
    stillOver.length
      ? `That alone is not enough for ${stillOver.map((row) => `${row.name} (${ratio(row.withoutZod)} even without any zod)`).join(', ')}; besides zod they hold ${stillOver.map((row) => `${row.name}: ${largestPackages(row.deployed, ['zod'])}`).join('; ')} ("roster" is Roster’s own code). Where that is the profile normalisation libraries (phone numbers, countries, time zones), importing them lazily — on the first request that has a phone number or a time zone to normalise — takes them off the init path, and Node’s built-in Intl covers time-zone and locale checks without a library.`
      : 'Without zod’s bytes every bundle would be within the size target.',
  ].join(' ');
}

export async function measureColdStart(): Promise<Section> {
  const directory = mkdtempSync(join(tmpdir(), 'roster-bench-bundles-'));
  try {
    say(`bundling ${functionDefinitions.length} functions, their SDK-only baselines and the zod references with esbuild`);
    const { functions, references } = await bundleAll(directory);
    const init = initTimes([...new Set([...functions.flatMap((row) => [row.withSdk.file, row.baseline.file]), ...references.map((row) => row.bundled.file)])]);
    const compare = (name: string, bundled: Bundle, baseline: Bundle, baselineName: string): Compared => ({
      name,
      bundled,
      baseline,
      baselineName,
      size: bundled.bytes / baseline.bytes,
      init: init.get(bundled.file)! / init.get(baseline.file)!,
      zod: [...bundled.packages].filter(([name]) => name === 'zod').reduce((sum, [, bytes]) => sum + bytes, 0),
    });
    const measured = functions.map((row) => {
      const compared = compare(row.definition.name, row.withSdk, row.baseline, row.baselineName);
      say(`  ${row.definition.name}: init ${init.get(row.withSdk.file)!.toFixed(0)} ms vs ${init.get(row.baseline.file)!.toFixed(0)} ms for the SDK clients alone`);
      return { ...compared, deployed: row.deployed, withoutZod: (row.withSdk.bytes - compared.zod) / row.baseline.bytes };
    });
    const referenceRows = references.map((row) => compare(row.name, row.bundled, row.baseline, tableBaseline().name));
    const met = measured.every((row) => row.size <= SIZE_TARGET && row.init <= INIT_TARGET);
    return {
      title: 'Cold start',
      target: `bundle size ≤ ${SIZE_TARGET}× and module init ≤ ${INIT_TARGET}× those of a bundle holding only the SDK clients the function uses`,
      met,
      ...(met ? {} : { diagnosis: diagnosis(measured, referenceRows) }),
      body: [
        `Each function of shared/routes.ts bundled with esbuild as the stack bundles it (infra/constructs/roster-function.ts: ESM, minified, platform node, target node22, linked source map), and compared with a baseline bundle of one line per SDK client the function uses (DynamoDBClient and DynamoDBDocumentClient; SESClient for a function that sends mail), built with the same options. For the ratios the AWS SDK is bundled into both: with the SDK external (as deployed, where Lambda’s runtime provides it) the baseline would be a few hundred bytes and a size ratio meaningless, while the SDK is still loaded at init either way. Init is the time \`await import(bundle)\` takes in a fresh \`node --enable-source-maps\` process (the stack sets NODE_OPTIONS=--enable-source-maps), median of ${RUNS} runs, the bundles taking turns.`,
        table(
          ['function', 'bundle (SDK inside)', 'SDK-only baseline', 'size ÷ baseline', 'init ÷ baseline', 'size ÷ baseline without zod’s bytes', 'deployed bundle (SDK external)', 'largest packages besides the SDK'],
          [
            ...measured.map((row) => [
              row.name,
              kb(row.bundled.bytes),
              `${kb(row.baseline.bytes)} (${row.baselineName})`,
              `${ratio(row.size)} ${mark(row.size <= SIZE_TARGET)}`,
              `${ratio(row.init)} ${mark(row.init <= INIT_TARGET)}`,
              ratio(row.withoutZod),
              kb(row.deployed.bytes),
              largestPackages(row.deployed),
            ]),
            ...referenceRows.map((row) => [`reference: ${row.name}`, kb(row.bundled.bytes), kb(row.baseline.bytes), ratio(row.size), ratio(row.init), '', '', `zod ${kb(row.zod)}`]),
          ],
        ),
      ],
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
