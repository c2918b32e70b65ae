import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { killProcessTree } from '../../support/local-stack-process.js';

/** Alive, and (where /proc tells) not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe('a local stack that never came up', () => {
  it('is killed with everything it started, not only its first process', async () => {
    // Like tsx starting the stack that starts DynamoDB Local: a child with a grandchild of its own.
    const grandchild = `require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })`;
    const child = spawn(process.execPath, ['-e', `console.log(${grandchild}.pid); setInterval(() => {}, 1000)`], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((found) => child.stdout.once('data', (chunk: Buffer) => found(Number(chunk.toString().trim()))));
    expect(running(pid)).toBe(true);

    killProcessTree(child.pid!);

    await eventually(async () => expect(running(pid), 'the grandchild').toBe(false));
    await eventually(async () => expect(child.exitCode ?? child.signalCode).toBe('SIGKILL'));
  });
});
