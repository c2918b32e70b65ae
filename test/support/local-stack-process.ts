import { afterAll, beforeAll, expect } from 'vitest';
import { adminClient, type AdminClient } from './admin-client.js';
import { scimClient, type ScimClient } from './scim-client.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StackInfo } from '../../infra/local/local-stack.js';
import { freePort } from './free-port.js';

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
  const child: ChildProcess = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'infra/local/start.ts'], {
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
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const deadline = Date.now() + 90_000;
  while (!output.includes('Roster is running locally.')) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`npm start did not come up in 90 s:\n${output}`);
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

/**
 * For an end-to-end file: starts `npm start` before its tests, with SCIM and admin clients on the
 * demo company, and checks that it stops cleanly (exit code 0) afterwards.
 */
export function useLocalStack(): { stack: LocalStackProcess; scim: ScimClient; admin: AdminClient } {
  const local = {} as { stack: LocalStackProcess; scim: ScimClient; admin: AdminClient };
  beforeAll(async () => {
    local.stack = await startLocalStackProcess();
    local.scim = scimClient(local.stack.info.scimBaseUrl, local.stack.info.scimToken);
    local.admin = adminClient(local.stack.info.adminBaseUrl, local.stack.info.adminToken);
  });
  afterAll(async () => {
    expect(await local.stack?.stop()).toBe(0);
  });
  return local;
}
