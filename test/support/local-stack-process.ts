import { afterAll, beforeAll, expect } from 'vitest';
import { adminClient, type AdminClient } from './admin-client.js';
import { scimClient, type ScimClient } from './scim-client.js';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StackInfo } from '../../infra/local/local-stack.js';
import { freePort } from './free-port.js';
import { Started } from './started.js';

export interface LocalStackProcess {
  info: StackInfo;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the local stack the way a user does (`npm start`), on free ports with its own state dir. */
export async function startLocalStackProcess(): Promise<LocalStackProcess> {
  const stateDir = mkdtempSync(join(tmpdir(), 'roster-e2e-'));
  const root = resolve(import.meta.dirname, '../..');
  // As `npm start` runs it: Node with tsx's loader, so SIGTERM reaches the stack itself. (The tsx
  // command relays signals to a child of its own and SIGKILLs it when the child has not answered in
  // 30 ms, as on a busy machine, leaving DynamoDB Local running and exiting 143.)
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(await freePort()),
      DYNAMODB_PORT: String(await freePort()),
      SES_PORT: String(await freePort()),
      IDP_PORT: String(await freePort()),
      STATE_DIR: stateDir,
      RESET: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A stack that never came up has no SIGTERM handler yet: kill tsx and every process under it
  // (the stack, DynamoDB Local's Java), which would otherwise run on.
  const killTree = () => killProcessTree(child.pid!);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  // Only bounds how long a broken build waits: a busy machine may take minutes to start Java.
  const deadline = Date.now() + 240_000;
  while (!output.includes('Roster is running locally.')) {
    if (child.exitCode !== null) {
      killTree();
      throw new Error(`npm start exited early:\n${output}`);
    }
    if (Date.now() > deadline) {
      killTree();
      throw new Error(`npm start did not come up in 240 s:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  const info = JSON.parse(readFileSync(join(stateDir, 'stack.json'), 'utf8')) as StackInfo;
  return {
    info,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      rmSync(stateDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** SIGKILLs `pid` and all its descendants (found with `ps`, which Linux and macOS both have). */
export function killProcessTree(pid: number): void {
  const children = new Map<number, number[]>();
  for (const line of execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' }).split('\n')) {
    const [own, parent] = line.trim().split(/\s+/).map(Number);
    if (own && parent) children.set(parent, [...(children.get(parent) ?? []), own]);
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(children.get(tree[index]!) ?? []));
  for (const member of tree) {
    try {
      process.kill(member, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * For an end-to-end file: starts `npm start` before its tests, with SCIM and admin clients on the
 * demo company, and checks that it stops cleanly (exit code 0) afterwards.
 */
export function useLocalStack(): { stack: LocalStackProcess; scim: ScimClient; admin: AdminClient } {
  const local = {} as { stack: LocalStackProcess; scim: ScimClient; admin: AdminClient };
  const started = new Started();
  beforeAll(async () => {
    local.stack = await started.track(startLocalStackProcess(), stopCleanly);
    local.scim = scimClient(local.stack.info.scimBaseUrl, local.stack.info.scimToken);
    local.admin = adminClient(local.stack.info.adminBaseUrl, local.stack.info.adminToken);
  });
  afterAll(() => started.stopAll());
  return local;
}

/** Stops the stack and checks that it stopped cleanly (exit code 0), as Ctrl-C on `npm start` does. */
export async function stopCleanly(stack: LocalStackProcess): Promise<void> {
  expect(await stack.stop()).toBe(0);
}
