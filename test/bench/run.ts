/**
 * `npm run bench`: starts its own in-memory DynamoDB Local, runs every measurement against the
 * local HTTP stack in this process and writes test/bench/results.md (docs/benchmarks.md).
 * `npm run bench -- paging big-groups` runs only those sections and prints their report instead
 * of writing the file (`npm run bench -- cold-start` starts no DynamoDB Local: it measures bundles).
 */
import '../../infra/local/quiet-sdk-warning.js';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startBenchServices } from './bench-services.js';
import { busyMachineNote, currentLoad, machineDescription } from './machine.js';
import { say } from './progress.js';

const RESULTS = resolve(import.meta.dirname, 'results.md');
const started = performance.now();
const loadAtStart = currentLoad();
const only = process.argv.slice(2);

// The sections' modules read the configuration only on first use, after the services have set it.
const { sections } = await import('./sections/all.js');
const unknown = only.filter((id) => !sections.some((section) => section.id === id));
if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}; the sections are ${sections.map((section) => section.id).join(', ')}`);
const selected = sections.filter((candidate) => !only.length || only.includes(candidate.id));

// Only the sections that measure the local stack need DynamoDB Local and the SES emulator.
const services = selected.some((section) => section.needsServices) ? await startBenchServices() : undefined;
// DynamoDB Local is a child process: stop it (and the SES emulator) however this run ends (done,
// failed, Ctrl-C, a broken pipe on stdout). A terminal's Ctrl-C can arrive twice (tsx relays it), hence `on`, not `once`.
let stopping: Promise<void> | undefined;
const stopServices = () => (stopping ??= services?.stop() ?? Promise.resolve());
const abort = (code: number, why: string) => {
  if (stopping) return;
  process.stderr.write(`${why}: stopping DynamoDB Local and the SES emulator\n`);
  void stopServices().finally(() => process.exit(code));
};
process.on('SIGINT', () => abort(130, 'SIGINT'));
process.on('SIGTERM', () => abort(143, 'SIGTERM'));
process.on('uncaughtException', (error) => abort(1, error.stack ?? String(error)));

try {
  const { renderReport } = await import('./report.js');
  const { startTestApi } = await import('../support/http-stack.js');
  const api = services ? await startTestApi() : undefined;
  if (api) say(`DynamoDB Local, the SES emulator and the HTTP adapter are up (${api.baseUrl})`);
  const results = [];
  try {
    for (const section of selected) {
      say(`— ${section.id}`);
      results.push(await (section.needsServices ? section.run({ baseUrl: api!.baseUrl, sesUrl: services!.sesUrl }) : section.run()));
    }
  } finally {
    await api?.stop();
  }
  const minutes = (performance.now() - started) / 60_000;
  const report = renderReport(
    [
      '# Roster benchmarks',
      'Written by `npm run bench` (test/bench/run.ts). Every figure is a ratio of two things measured in the same run, or a count: absolute times on a shared machine mean little.',
      [...machineDescription(loadAtStart), `- whole run: ${minutes.toFixed(1)} min`].join('\n'),
      ...[busyMachineNote(loadAtStart)].filter((note) => note !== undefined),
    ],
    results,
  );
  if (only.length) process.stdout.write(`\n${report}`);
  else writeFileSync(RESULTS, report);
  say(`${only.length ? 'done' : `wrote ${RESULTS}`} — total ${minutes.toFixed(1)} min`);
} finally {
  await stopServices();
}
